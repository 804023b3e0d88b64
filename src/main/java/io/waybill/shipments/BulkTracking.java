package io.waybill.shipments;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.NotFoundException;
import io.waybill.shipments.config.ShipmentsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracking for many shipments at once, for the modules that move them together (line haul's bags
 * and flights): one entry on every shipment, or none, under the same lifecycle rules as a single
 * update, each announced as its own {@code shipment.status.updated} event in the same transaction.
 * Shipments are locked and stored in a few statements for the whole batch, not one round of
 * queries per shipment, so that a bag of five hundred parcels is scanned in well under a second.
 *
 * <p>Only shipments between hubs take bulk entries ({@link #BETWEEN_HUBS}): a shipment that went
 * out for delivery (or further) in the meantime refuses the whole batch, naming itself, rather than
 * being moved behind its agent's back. The callers decide who may move the batch; this class trusts
 * them, as the batch is theirs (a bag), not any one customer's.
 */
@Service
public class BulkTracking {

    /** The statuses of a shipment that waits at a hub or travels between hubs. */
    public static final Set<ShipmentStatus> BETWEEN_HUBS = EnumSet.of(ShipmentStatus.CREATED,
            ShipmentStatus.PICKED_UP, ShipmentStatus.IN_TRANSIT);

    private final ShipmentRepository shipments;
    private final EventPublisher events;
    private final NetworkCopy network;
    private final Clock clock;
    private final ZoneId defaultZone;

    BulkTracking(ShipmentRepository shipments, EventPublisher events, NetworkCopy network, Clock clock,
            ShipmentsProperties properties) {
        this.shipments = shipments;
        this.events = events;
        this.network = network;
        this.clock = clock;
        this.defaultZone = properties.zone();
    }

    /** The shipments of these ids that exist, as line haul checks them; unknown ids are left out. */
    public List<ParcelAtHub> parcels(Collection<UUID> shipmentIds) {
        return shipments.parcels(shipmentIds);
    }

    /**
     * One entry on every shipment of the batch: a move to {@code status}, or a scan when it is null.
     * With {@code notBefore}, each shipment's estimated delivery moves to that date first (unless it
     * is already that late), so the entry's event carries the new estimate. All or nothing: a shipment
     * that does not exist or that the lifecycle refuses refuses the batch. Answers the entries
     * recorded, one per shipment.
     */
    @Transactional
    public List<TrackingUpdate> record(Batch batch) {
        Instant now = clock.instant();
        ZoneId zone = HubPlace.zoneOf(network.hubs(), batch.location(), defaultZone);
        List<Shipment> locked = lockAll(batch.shipmentIds());
        List<ShipmentEvent> produced = new ArrayList<>();
        for (Shipment shipment : locked) {
            if (batch.notBefore() != null) {
                shipment.postpone(batch.notBefore(), "delayed", now);
            }
            produced.addAll(batch.status() == null
                    ? shipment.recordScan(batch.location(), null, zone, batch.note(), batch.by(), now)
                    : shipment.changeStatus(batch.status(), batch.location(), null, zone, batch.note(), batch.by(),
                            now));
        }
        shipments.updateBetweenHubs(locked);
        produced.forEach(events::publish);
        return locked.stream().map(Shipment::latestUpdate).toList();
    }

    private List<Shipment> lockAll(Collection<UUID> shipmentIds) {
        List<Shipment> locked = shipments.lockBetweenHubs(shipmentIds);
        if (locked.size() != Set.copyOf(shipmentIds).size()) {
            throw new NotFoundException("One of the shipments of this batch no longer exists.");
        }
        for (Shipment shipment : locked) {
            if (!BETWEEN_HUBS.contains(shipment.status())) {
                throw new ConflictException("Shipment " + shipment.trackingNumber().value() + " is "
                        + shipment.status().wireName() + ": it is no longer between hubs, so it cannot be moved with "
                        + "the others. Take it out first.");
            }
        }
        return locked;
    }

    /**
     * What to record on every shipment of a batch: a status (null for a scan that keeps each one's
     * status), the place, a note, who recorded it, and the earliest delivery date now possible (null
     * when the batch is not late).
     */
    public record Batch(Collection<UUID> shipmentIds, ShipmentStatus status, String location, String note,
            UUID by, LocalDate notBefore) {

        public Batch {
            shipmentIds = List.copyOf(shipmentIds);
        }

        /** A batch that leaves the estimates to the entries' own rules. */
        public Batch(Collection<UUID> shipmentIds, ShipmentStatus status, String location, String note, UUID by) {
            this(shipmentIds, status, location, note, by, null);
        }
    }
}
