package io.waybill.linehaul;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Role;
import io.waybill.security.AccountLookup;
import io.waybill.shipments.BulkTracking;
import io.waybill.shipments.HubPlace;
import io.waybill.shipments.NetworkCopy;
import io.waybill.shipments.ParcelAtHub;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.TrackingUpdate;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads bags, lets the bag decide, stores it and announces it; a scan also writes the entry of every
 * shipment inside through the shipments module, in the same transaction. A bag the caller may not
 * see answers "not found", as an unknown one does. Hubs are checked against the shipments module's
 * copy of the network, the one its routing and time zones read.
 */
@Service
public class BagService {

    private static final String NOT_FOUND = "No bag with this id or code.";
    private static final int CODE_ATTEMPTS = 10;
    /** More than a bag holds in practice, and what one request may add. */
    static final int MAX_SHIPMENTS_PER_REQUEST = 1000;

    private final BagRepository bags;
    private final BulkTracking tracking;
    private final NetworkCopy network;
    private final AccountLookup accounts;
    private final EventPublisher events;
    private final Clock clock;
    private final BagLabelPrinter printer;
    private final FlightRepository flights;
    private final SecureRandom random = new SecureRandom();

    BagService(BagRepository bags, BulkTracking tracking, NetworkCopy network, AccountLookup accounts,
            EventPublisher events, Clock clock, BagLabelPrinter printer, FlightRepository flights) {
        this.printer = printer;
        this.flights = flights;
        this.bags = bags;
        this.tracking = tracking;
        this.network = network;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Bag open(Caller caller, UUID originHubId, UUID destinationHubId) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only an admin can open a bag.");
        }
        requireHub("origin_hub_id", originHubId);
        requireHub("destination_hub_id", destinationHubId);
        Bag bag = Bag.open(newCode(), originHubId, destinationHubId, clock.instant());
        bags.add(bag);
        return bag;
    }

    public Bag get(Caller caller, String reference) {
        return visible(caller, find(reference, bags::find, bags::find));
    }

    /** The bag's label as a PDF, for whoever may see the bag. */
    public byte[] label(Caller caller, String reference) {
        Bag bag = get(caller, reference);
        return printer.pdf(new BagLabel(bag.code(), hubName(bag.originHubId()), hubName(bag.destinationHubId()),
                bag.shipmentIds().size()));
    }

    /** Puts shipments in (by id); an id that is no shipment is refused, naming it. */
    @Transactional
    public Bag add(Caller caller, String reference, List<UUID> shipmentIds) {
        if (shipmentIds == null || shipmentIds.isEmpty()) {
            throw new InvalidRequestException("shipment_ids", "is required: the ids of the shipments to put in");
        }
        if (shipmentIds.size() > MAX_SHIPMENTS_PER_REQUEST) {
            throw new InvalidRequestException("shipment_ids", "has more than " + MAX_SHIPMENTS_PER_REQUEST
                    + " ids: add them in several requests");
        }
        if (shipmentIds.contains(null)) {
            throw new InvalidRequestException("shipment_ids", "has an empty id");
        }
        List<ParcelAtHub> parcels = tracking.parcels(Set.copyOf(shipmentIds));
        Set<UUID> found = parcels.stream().map(ParcelAtHub::shipmentId).collect(java.util.stream.Collectors.toSet());
        Optional<UUID> unknown = shipmentIds.stream().filter(id -> !found.contains(id)).findFirst();
        if (unknown.isPresent()) {
            throw new InvalidRequestException("shipment_ids", "names " + unknown.get() + ", which is no shipment");
        }
        Map<UUID, UUID> lastOpenedAt = bags.lastOpenedAt(found);
        return change(caller, reference, bag -> bag.add(parcels, lastOpenedAt, clock.instant()));
    }

    @Transactional
    public Bag remove(Caller caller, String reference, UUID shipmentId) {
        return change(caller, reference, bag -> bag.remove(shipmentId, clock.instant()));
    }

    @Transactional
    public Bag seal(Caller caller, String reference) {
        return change(caller, reference, bag -> events.publish(bag.seal(clock.instant())));
    }

    @Transactional
    public Bag assign(Caller caller, String reference, UUID agentId) {
        if (agentId == null || accounts.activeRole(agentId).filter(role -> role == Role.AGENT).isEmpty()) {
            throw new InvalidRequestException("agent_id", "is not an active delivery agent");
        }
        return change(caller, reference, bag -> bag.assign(agentId, clock.instant()));
    }

    /**
     * Scans a bag (admins and the agent carrying it): the bag moves on, and every shipment inside
     * gets one entry at the hub, in this transaction, or none does. Dispatch moves them
     * {@code in_transit} at the origin hub, arrival records them at the destination hub (still in
     * transit), opening records them there and frees them for their next leg. {@code location}
     * defaults to the hub's name.
     */
    @Transactional
    public ScannedBag scan(Caller caller, String reference, BagStatus event, String location) {
        Bag bag = visible(caller, lock(reference));
        Instant now = clock.instant();
        UUID hubId = bag.scan(event, now);
        String place = location != null && !location.isBlank() ? location : hubName(hubId);
        List<TrackingUpdate> entries = tracking.record(new BulkTracking.Batch(bag.shipmentsInOrder(),
                event == BagStatus.OPENED ? null : ShipmentStatus.IN_TRANSIT, place,
                note(event, bag), caller.userId()));
        bags.update(bag);
        events.publish(new BagScanned(bag.id(), bag.code().value(), event.wireName(), hubId, place, entries.size(),
                caller.userId(), now, bag.originHubId(), bag.destinationHubId(), dueAt(bag)));
        return new ScannedBag(bag, place, entries.size(), now);
    }

    /** When the bag is due at its destination hub: its flight's scheduled arrival; null when it flew on none. */
    private Instant dueAt(Bag bag) {
        return bag.flightId() == null ? null
                : flights.find(bag.flightId()).map(flight -> flight.route().scheduledArrival()).orElse(null);
    }

    /** A bag as a scan left it, where it happened and how many shipments got an entry. */
    public record ScannedBag(Bag bag, String location, int shipmentCount, Instant scannedAt) {
    }

    /** The bags assigned to the calling agent that are not opened yet. */
    public List<Bag> carriedBy(Caller caller) {
        if (!caller.isAgent()) {
            throw new ForbiddenException("Only delivery agents carry bags.");
        }
        return bags.assignedTo(caller.userId());
    }

    /** A hub by name as its entries show it (the name, with its city when the name does not say it). */
    public String hubName(UUID hubId) {
        return network.hub(hubId).map(hub -> hub.printedName() != null ? hub.printedName() : hub.city())
                .orElse("hub " + hubId.toString().substring(0, 8));
    }

    private static String note(BagStatus event, Bag bag) {
        return switch (event) {
            case DISPATCHED -> "Dispatched in bag " + bag.code();
            case ARRIVED -> "Arrived in bag " + bag.code();
            default -> "Bag " + bag.code() + " opened";
        };
    }

    /** Lock, check, let the bag change, store: packing is for admins; others who cannot see it get "not found". */
    private Bag change(Caller caller, String reference, java.util.function.Consumer<Bag> change) {
        Bag bag = visible(caller, lock(reference));
        if (!bag.isPackedBy(caller)) {
            throw new ForbiddenException("Only an admin can fill, seal or assign a bag.");
        }
        change.accept(bag);
        bags.update(bag);
        return bag;
    }

    private void requireHub(String field, UUID hubId) {
        if (hubId == null) {
            throw new InvalidRequestException(field, "is required");
        }
        if (network.hubs().stream().map(HubPlace::hubId).noneMatch(hubId::equals)) {
            throw new InvalidRequestException(field, "is not a hub");
        }
    }

    private Bag lock(String reference) {
        return find(reference, bags::lock, bags::lock);
    }

    private BagCode newCode() {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            BagCode candidate = BagCode.random(random);
            if (!bags.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not draw an unused bag code");
    }

    private static Bag visible(Caller caller, Bag bag) {
        if (!bag.isVisibleTo(caller)) {
            throw new NotFoundException(NOT_FOUND);
        }
        return bag;
    }

    private static Bag find(String reference, Function<UUID, Optional<Bag>> byId,
            Function<BagCode, Optional<Bag>> byCode) {
        Optional<Bag> found;
        try {
            found = byId.apply(UUID.fromString(reference));
        } catch (IllegalArgumentException notAUuid) {
            found = BagCode.parse(reference).flatMap(byCode);
        }
        return found.orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }
}
