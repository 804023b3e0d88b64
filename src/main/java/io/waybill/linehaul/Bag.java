package io.waybill.linehaul;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.shipments.ParcelAtHub;
import io.waybill.shipments.ShipmentStatus;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A bag of shipments travelling together from an origin hub to a destination hub.
 *
 * <p>Lifecycle ({@link BagStatus}): opened empty; while {@code open}, shipments waiting at the origin
 * hub go in and out (those routed there that have not left it, and those that arrived there in
 * another bag opened there, for their next leg); sealing (with at least one shipment) closes it for good,
 * and the scans follow in order: {@code dispatched}, {@code arrived}, {@code opened}. Who carries it
 * (an agent) may be assigned until it is opened. Its shipments' own entries are written by the
 * service that scans it; the bag decides only whether the scan may happen.
 */
public final class Bag {

    private final UUID id;
    private final BagCode code;
    private final UUID originHubId;
    private final UUID destinationHubId;
    private final Set<UUID> shipmentIds;
    private final Instant createdAt;
    private BagStatus status;
    private UUID agentId;
    private UUID flightId;
    private Instant updatedAt;

    private Bag(UUID id, BagCode code, UUID originHubId, UUID destinationHubId, BagStatus status, UUID agentId,
            UUID flightId, Set<UUID> shipmentIds, Instant createdAt, Instant updatedAt) {
        this.flightId = flightId;
        this.id = Objects.requireNonNull(id);
        this.code = Objects.requireNonNull(code);
        this.originHubId = Objects.requireNonNull(originHubId);
        this.destinationHubId = Objects.requireNonNull(destinationHubId);
        this.status = Objects.requireNonNull(status);
        this.agentId = agentId;
        this.shipmentIds = new LinkedHashSet<>(shipmentIds);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A new, empty, open bag; a bag never travels from a hub to the same hub. */
    public static Bag open(BagCode code, UUID originHubId, UUID destinationHubId, Instant at) {
        if (originHubId == null) {
            throw new InvalidRequestException("origin_hub_id", "is required");
        }
        if (destinationHubId == null) {
            throw new InvalidRequestException("destination_hub_id", "is required");
        }
        if (originHubId.equals(destinationHubId)) {
            throw new InvalidRequestException("destination_hub_id", "is the origin hub: a bag goes to another hub");
        }
        return new Bag(UUID.randomUUID(), code, originHubId, destinationHubId, BagStatus.OPEN, null, null, Set.of(),
                at, at);
    }

    /** Rebuilds a stored bag; for repositories only. */
    public static Bag restore(UUID id, BagCode code, UUID originHubId, UUID destinationHubId, BagStatus status,
            UUID agentId, UUID flightId, Set<UUID> shipmentIds, Instant createdAt, Instant updatedAt) {
        return new Bag(id, code, originHubId, destinationHubId, status, agentId, flightId, shipmentIds, createdAt,
                updatedAt);
    }

    /**
     * Puts shipments in: each must wait at the origin hub, either because it starts its journey there
     * ({@link ParcelAtHub#awaitsLineHaulFrom}: routed there and not yet on its way) or because it is
     * on its next leg there: it arrived in a bag that was opened at this hub and is still in transit
     * ({@code lastOpenedAt}: for each shipment, the hub where the last bag that carried it was opened,
     * if any). One already inside stays as it is. Whether another bag holds it is the repository's to
     * refuse.
     */
    public void add(List<ParcelAtHub> parcels, Map<UUID, UUID> lastOpenedAt, Instant at) {
        requireOpen();
        for (ParcelAtHub parcel : parcels) {
            if (!waitsAtOrigin(parcel, lastOpenedAt.get(parcel.shipmentId()))) {
                throw new ConflictException("Shipment " + parcel.trackingNumber().value() + " cannot go in this bag: "
                        + whyNotWaiting(parcel, lastOpenedAt.get(parcel.shipmentId())));
            }
        }
        parcels.forEach(parcel -> shipmentIds.add(parcel.shipmentId()));
        updatedAt = at;
    }

    /** Puts in shipments that no bag carried before. */
    public void add(List<ParcelAtHub> parcels, Instant at) {
        add(parcels, Map.of(), at);
    }

    private boolean waitsAtOrigin(ParcelAtHub parcel, UUID openedAt) {
        return parcel.awaitsLineHaulFrom(originHubId) || isInTransitAfterABagOpenedHere(parcel, openedAt);
    }

    /** Carried here by an earlier bag, opened here, and not moved on since (a new step would have left transit). */
    private boolean isInTransitAfterABagOpenedHere(ParcelAtHub parcel, UUID openedAt) {
        return parcel.status() == ShipmentStatus.IN_TRANSIT && originHubId.equals(openedAt);
    }

    private String whyNotWaiting(ParcelAtHub parcel, UUID openedAt) {
        if (openedAt != null && parcel.status() == ShipmentStatus.IN_TRANSIT) {
            return "it arrived in a bag opened at another hub, not at the bag's origin hub.";
        }
        if (openedAt != null || originHubId.equals(parcel.hubId())) {
            return "it is " + parcel.status().wireName() + ", so it already left the hub.";
        }
        return "it is not routed to the bag's origin hub.";
    }

    public void remove(UUID shipmentId, Instant at) {
        requireOpen();
        if (!shipmentIds.remove(shipmentId)) {
            throw new NotFoundException("This shipment is not in this bag.");
        }
        updatedAt = at;
    }

    public BagSealed seal(Instant at) {
        requireOpen();
        if (shipmentIds.isEmpty()) {
            throw new ConflictException("The bag is empty: put at least one shipment in before sealing it.");
        }
        status = BagStatus.SEALED;
        updatedAt = at;
        return new BagSealed(id, code.value(), originHubId, destinationHubId, shipmentIds.size(), at);
    }

    /**
     * A scan moves the bag one step ({@code dispatched} after sealing, then {@code arrived}, then
     * {@code opened}); any other order is refused. Answers the hub where it happens.
     */
    public UUID scan(BagStatus event, Instant at) {
        if (event.scannedFrom() == null) {
            throw new InvalidRequestException("event", "is one of dispatched, arrived, opened");
        }
        if (status != event.scannedFrom()) {
            throw new ConflictException("The bag is " + status.wireName() + ": it can be " + event.wireName()
                    + " only once it is " + event.scannedFrom().wireName() + ".");
        }
        status = event;
        updatedAt = at;
        return event == BagStatus.DISPATCHED ? originHubId : destinationHubId;
    }

    /** Loads it onto a flight: sealed (or dispatched from the hub to the airport), and on no other flight. */
    public void loadOnto(UUID flight, Instant at) {
        if (status != BagStatus.SEALED && status != BagStatus.DISPATCHED) {
            throw new ConflictException("Bag " + code + " is " + status.wireName() + ": only a sealed bag is loaded "
                    + "onto a flight.");
        }
        if (flightId != null && !flightId.equals(flight)) {
            throw new ConflictException("Bag " + code + " is on another flight.");
        }
        flightId = flight;
        updatedAt = at;
    }

    /** Its flight took off: a bag still sealed is dispatched by it. */
    public void departed(Instant at) {
        if (status == BagStatus.SEALED) {
            status = BagStatus.DISPATCHED;
        }
        updatedAt = at;
    }

    /** Its flight was cancelled: off the flight and back at the origin hub, sealed, for another flight. */
    public void unload(Instant at) {
        flightId = null;
        status = BagStatus.SEALED;
        updatedAt = at;
    }

    public void assign(UUID agent, Instant at) {
        if (status == BagStatus.OPENED) {
            throw new ConflictException("The bag is opened: it travels no more, so it is no one's to carry.");
        }
        agentId = Objects.requireNonNull(agent);
        updatedAt = at;
    }

    /** Admins see every bag, an agent the bags assigned to them; customers none. */
    public boolean isVisibleTo(Caller caller) {
        return caller.isAdmin() || (caller.isAgent() && caller.is(agentId));
    }

    /** Admins fill, seal and assign bags; the agent carrying it scans it too ({@link #isVisibleTo}). */
    public boolean isPackedBy(Caller caller) {
        return caller.isAdmin();
    }

    /** Whether its shipments count as in it: until it is opened, a shipment is in at most one bag. */
    public boolean holdsItsShipments() {
        return status != BagStatus.OPENED;
    }

    private void requireOpen() {
        if (status != BagStatus.OPEN) {
            throw new ConflictException("The bag is " + status.wireName() + ": a sealed bag takes no more changes.");
        }
    }

    public UUID id() {
        return id;
    }

    public BagCode code() {
        return code;
    }

    public UUID originHubId() {
        return originHubId;
    }

    public UUID destinationHubId() {
        return destinationHubId;
    }

    public BagStatus status() {
        return status;
    }

    public UUID agentId() {
        return agentId;
    }

    /** The flight it is loaded onto; null when none. */
    public UUID flightId() {
        return flightId;
    }

    public Set<UUID> shipmentIds() {
        return Set.copyOf(shipmentIds);
    }

    /** The shipments in the order they went in. */
    public List<UUID> shipmentsInOrder() {
        return List.copyOf(shipmentIds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
