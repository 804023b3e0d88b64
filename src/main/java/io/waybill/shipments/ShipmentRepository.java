package io.waybill.shipments;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where shipments and their histories are kept. */
public interface ShipmentRepository {

    Optional<Shipment> find(UUID id);

    Optional<Shipment> find(TrackingNumber trackingNumber);

    /**
     * A shipment as callers read it, with the revisions of its estimate, without loading the
     * aggregate (its history, delivery code, failures and proof): what {@code GET /shipments/{id}}
     * needs, read in as few queries as the store can.
     */
    default Optional<ShipmentView> view(UUID id) {
        return find(id).map(ShipmentView::of);
    }

    default Optional<ShipmentView> view(TrackingNumber trackingNumber) {
        return find(trackingNumber).map(ShipmentView::of);
    }

    /** Who a shipment belongs to, without loading or locking it: enough to tell who may see it. */
    Optional<Shipment.Parties> parties(UUID id);

    Optional<Shipment.Parties> parties(TrackingNumber trackingNumber);

    /** Loads a shipment and locks it until the transaction ends, so concurrent changes queue up. */
    Optional<Shipment> lock(UUID id);

    Optional<Shipment> lock(TrackingNumber trackingNumber);

    /**
     * Stores a new shipment; false, with nothing written, when another shipment already has its
     * tracking number (numbers are unique on the platform, whichever tenant holds one).
     */
    boolean add(Shipment shipment);

    /** Stores the shipment's current state and appends its unsaved history. */
    void update(Shipment shipment);

    /**
     * Records the hub a shipment goes through ({@link Shipment#routeTo}) without loading it: routing
     * checks no rule, and every booking is routed once. The row's lock orders it with the changes
     * that load the shipment locked. False when there is no such shipment.
     */
    boolean route(UUID shipmentId, UUID hubId, Instant at);

    /** The shipments of these ids, as line haul checks them, without loading or locking them; unknown ids left out. */
    default List<ParcelAtHub> parcels(java.util.Collection<UUID> ids) {
        return ids.stream().distinct().map(this::find).flatMap(Optional::stream)
                .map(s -> new ParcelAtHub(s.id(), s.trackingNumber(), s.status(), s.hubId())).toList();
    }

    /**
     * Loads and locks many shipments, in the order of their ids (so that two batches sharing shipments
     * queue instead of deadlocking), with their histories, estimates and payments (their entries' events
     * carry the payment status) but not their delivery side: for changes between hubs, which never touch
     * it or the payment, stored with {@link #updateBetweenHubs}. Unknown ids are left out.
     */
    default List<Shipment> lockBetweenHubs(java.util.Collection<UUID> ids) {
        return ids.stream().distinct().sorted().map(this::lock).flatMap(Optional::stream).toList();
    }

    /** Stores what changes between hubs (status, estimate, history, revisions) of every shipment given. */
    default void updateBetweenHubs(List<Shipment> changed) {
        changed.forEach(this::update);
    }

    /** A page of shipments, newest first, restricted to one customer or agent when given. */
    Page<ShipmentView> list(ShipmentFilter filter, PageQuery page);

    /**
     * A page of the shipments the filter lets through whose tracking number or recipient's name holds
     * {@code text}, ignoring case; newest first.
     */
    Page<ShipmentView> search(ShipmentFilter filter, String text, PageQuery page);

    List<TrackingUpdate> history(UUID shipmentId);

    /**
     * Up to {@code range.limit()} shipments in the range's order: after its cursor's position when it
     * has one (read from an index, however deep), else from its offset.
     */
    List<ShipmentView> list(ShipmentFilter filter, Range range);

    /** How many shipments the filter lets through, changed at or after {@code updatedSince} when given. */
    long count(ShipmentFilter filter, java.time.Instant updatedSince);

    /** Which part of a list to read. {@code updatedSince} and {@code after} may be null. */
    record Range(ShipmentCursor.Order order, java.time.Instant updatedSince, ShipmentCursor after, long offset,
            int limit) {
    }

    /** Which shipments a list may show: all null means every shipment. */
    record ShipmentFilter(UUID customerId, UUID agentId, ShipmentStatus status) {
    }
}
