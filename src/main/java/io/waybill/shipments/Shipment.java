package io.waybill.shipments;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.PhoneNumber;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A parcel a customer booked, from booking to a final status.
 *
 * <p>Lifecycle: booked as {@code created}; while {@code created} the customer may edit or cancel
 * it. An admin assigns an agent; the agent (or an admin) moves it through the statuses that
 * {@link ShipmentStatus} allows until it is {@code delivered}, {@code returned} or
 * {@code cancelled}. Every status change and every scan appends a {@link TrackingUpdate}, so the
 * history is complete, and the current location is derived from it rather than stored twice.
 *
 * <p>Delivery dates: a booking gets a service level and a promised delivery date, which is also its
 * first estimated delivery date; every later entry of the history may revise the estimate
 * ({@link DeliveryEstimate}, on the entry's local date), and each revision is kept. Each entry
 * carries the time zone of its place; entries without a place (the booking, a cancellation) take the
 * zone the booking was made in.
 *
 * <p>Each change returns the events it produces, decided here and nowhere else: the caller stores the
 * shipment and publishes them as they are.
 */
public final class Shipment {

    private final UUID id;
    private final TrackingNumber trackingNumber;
    private final UUID customerId;
    private final Instant createdAt;
    private final List<TrackingUpdate> history;
    private final List<TrackingUpdate> unsaved = new ArrayList<>();
    private final ServiceLevel serviceLevel;
    private final LocalDate promisedDeliveryDate;
    private final List<EstimateRevision> revisions;
    private final List<EstimateRevision> unsavedRevisions = new ArrayList<>();
    private LocalDate estimatedDelivery;
    private ShipmentDetails details;
    private ShipmentStatus status;
    private UUID agentId;
    private UUID hubId;
    private Instant updatedAt;

    private Shipment(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, ServiceLevel serviceLevel, LocalDate promisedDeliveryDate,
            LocalDate estimatedDelivery, List<EstimateRevision> revisions) {
        this.id = Objects.requireNonNull(id);
        this.trackingNumber = Objects.requireNonNull(trackingNumber);
        this.customerId = Objects.requireNonNull(customerId);
        this.details = Objects.requireNonNull(details);
        this.status = Objects.requireNonNull(status);
        this.agentId = agentId;
        this.hubId = hubId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.history = new ArrayList<>(history);
        this.serviceLevel = Objects.requireNonNull(serviceLevel);
        this.promisedDeliveryDate = promisedDeliveryDate;
        this.estimatedDelivery = estimatedDelivery;
        this.revisions = new ArrayList<>(revisions);
    }

    /**
     * A new booking: status {@code created}, with the booking as the first entry of its history. It
     * announces itself with {@link ShipmentBooked} (the booking entry has no event of its own).
     */
    public static Booking book(TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            UUID bookedBy, Instant at) {
        return book(trackingNumber, customerId, details, ServiceLevel.STANDARD, null, null, bookedBy, at);
    }

    /**
     * A new booking with its service level and promised delivery date (the first estimate, kept as
     * revision 0); {@code zone} is the zone of the place it was booked from, that of its first entry.
     */
    public static Booking book(TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ServiceLevel serviceLevel, LocalDate promisedDeliveryDate, ZoneId zone, UUID bookedBy, Instant at) {
        requirePhone(details);
        Shipment shipment = new Shipment(UUID.randomUUID(), trackingNumber, customerId, details,
                ShipmentStatus.CREATED, null, null, at, at, List.of(), serviceLevel, promisedDeliveryDate, null,
                List.of());
        shipment.record(entry(ShipmentStatus.CREATED, null, null, zone, "Shipment booked", bookedBy, at));
        if (promisedDeliveryDate != null) {
            shipment.revise(promisedDeliveryDate, "booked", at);
        }
        return new Booking(shipment, List.of(new ShipmentBooked(shipment.id, trackingNumber.value(), customerId,
                details.sourceAddress(), details.destinationAddress(), at, serviceLevel.wireName(),
                promisedDeliveryDate, shipment.latestUpdate().timeZone())));
    }

    /** A new shipment and the events that announce it. */
    public record Booking(Shipment shipment, List<ShipmentEvent> events) {

        public Booking {
            events = List.copyOf(events);
        }
    }

    /** Rebuilds a stored shipment with its history, oldest first; for repositories only. */
    public static Shipment restore(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history) {
        return restore(id, trackingNumber, customerId, details, status, agentId, hubId, createdAt, updatedAt, history,
                ServiceLevel.STANDARD, null, null, List.of());
    }

    /** Rebuilds a stored shipment with its history and its estimate revisions, oldest first; for repositories only. */
    public static Shipment restore(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, ServiceLevel serviceLevel, LocalDate promisedDeliveryDate,
            LocalDate estimatedDelivery, List<EstimateRevision> revisions) {
        return new Shipment(id, trackingNumber, customerId, details, status, agentId, hubId, createdAt, updatedAt,
                history, serviceLevel, promisedDeliveryDate, estimatedDelivery, revisions);
    }

    public void edit(ShipmentDetails newDetails, Instant at) {
        requireNotDispatched("changed");
        if (!Objects.equals(newDetails.recipientPhone(), details.recipientPhone())) {
            requirePhone(newDetails);
        }
        this.details = Objects.requireNonNull(newDetails);
        this.updatedAt = at;
    }

    /** Cancels a booking not yet dispatched: a status change with no location. */
    public List<ShipmentEvent> cancel(UUID by, Instant at) {
        requireNotDispatched("cancelled");
        return moveTo(ShipmentStatus.CANCELLED, null, null, bookingZone(), "Cancelled before dispatch", by, at);
    }

    /**
     * Moves the shipment on; refuses what the lifecycle does not allow. A location is required. A
     * move to {@code delivered} is announced twice: as a status change, and as the delivery that
     * delivery performance is measured from.
     */
    public List<ShipmentEvent> changeStatus(ShipmentStatus next, String location, String note, UUID by,
            Instant at) {
        return changeStatus(next, location, null, bookingZone(), note, by, at);
    }

    /**
     * {@link #changeStatus(ShipmentStatus, String, String, UUID, Instant)} with where the scanner stood
     * ({@code point}, null for none) and the time zone of the place ({@code zone}).
     */
    public List<ShipmentEvent> changeStatus(ShipmentStatus next, String location, GeoPoint point, ZoneId zone,
            String note, UUID by, Instant at) {
        return moveTo(next, requireLocation(location), point, zone, note, by, at);
    }

    /**
     * A scan that records where the parcel is without changing its status; announced as a status
     * change whose previous status and status are the same.
     */
    public List<ShipmentEvent> recordScan(String location, String note, UUID by, Instant at) {
        return recordScan(location, null, bookingZone(), note, by, at);
    }

    /**
     * {@link #recordScan(String, String, UUID, Instant)} with where the scanner stood ({@code point},
     * null for none) and the time zone of the place ({@code zone}).
     */
    public List<ShipmentEvent> recordScan(String location, GeoPoint point, ZoneId zone, String note, UUID by,
            Instant at) {
        if (status.isFinal()) {
            throw new ConflictException("The shipment is " + status.wireName() + ": it takes no more scans.");
        }
        TrackingUpdate scan = record(entry(status, requireLocation(location), point, zone, note, by, at));
        reviseAfter(scan, false);
        return List.of(statusChanged(status, scan));
    }

    public List<ShipmentEvent> assignAgent(UUID agent, Instant at) {
        if (status.isFinal()) {
            throw new ConflictException("The shipment is " + status.wireName() + ": it can no longer be assigned.");
        }
        this.agentId = Objects.requireNonNull(agent);
        this.updatedAt = at;
        return List.of(new AgentAssigned(id, agent, history.size() - 1, at));
    }

    public void routeTo(UUID hub, Instant at) {
        this.hubId = Objects.requireNonNull(hub);
        this.updatedAt = at;
    }

    /** The owner, the assigned agent and admins see a shipment; for anyone else it does not exist. */
    public boolean isVisibleTo(Caller caller) {
        return parties().isVisibleTo(caller);
    }

    public Parties parties() {
        return new Parties(customerId, agentId);
    }

    /** Admins and the assigned agent move a shipment along its lifecycle. */
    public boolean isHandledBy(Caller caller) {
        return caller.isAdmin() || (caller.isAgent() && caller.is(agentId));
    }

    /** The owner and admins change or cancel a booking. */
    public boolean isManagedBy(Caller caller) {
        return caller.isAdmin() || caller.is(customerId);
    }

    /**
     * Who is shown where the assigned agent is: whoever sees the shipment, and only while it is out
     * for delivery. Before, the agent's whereabouts say nothing about this parcel; after it is
     * delivered (or the attempt failed), they are none of its customer's business.
     */
    public boolean sharesAgentLocationWith(Caller caller) {
        return status == ShipmentStatus.OUT_FOR_DELIVERY && agentId != null && isVisibleTo(caller);
    }

    /** Where the parcel was last seen: the latest entry that has a location, or null before the first. */
    public String currentLocation() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).location() != null) {
                return history.get(i).location();
            }
        }
        return null;
    }

    /** How many delivery attempts failed: the moves into delivery_failed in the history (later scans there do not count). */
    public int failedDeliveryAttempts() {
        int failed = 0;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).status() == ShipmentStatus.DELIVERY_FAILED
                    && history.get(i - 1).status() != ShipmentStatus.DELIVERY_FAILED) {
                failed++;
            }
        }
        return failed;
    }

    /** The latest entry of the history: the booking, or the change or scan recorded last. */
    public TrackingUpdate latestUpdate() {
        return history.get(history.size() - 1);
    }

    private List<ShipmentEvent> moveTo(ShipmentStatus next, String location, GeoPoint point, ZoneId zone,
            String note, UUID by, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStatusTransitionException(status, next);
        }
        TrackingUpdate update = entry(next, location, point, zone, note, by, at);
        ShipmentStatus previous = status;
        status = next;
        record(update);
        reviseAfter(update, previous != next);
        ShipmentStatusChanged changed = statusChanged(previous, update);
        if (next != ShipmentStatus.DELIVERED) {
            return List.of(changed);
        }
        return List.of(changed, new ShipmentDelivered(id, trackingNumber.value(), customerId, createdAt,
                failedDeliveryAttempts(), update.recordedAt()));
    }

    /** The event for the history entry just recorded; its sequence is that entry's place in the history. */
    private ShipmentStatusChanged statusChanged(ShipmentStatus previous, TrackingUpdate update) {
        return new ShipmentStatusChanged(id, trackingNumber.value(), history.size() - 1, previous.wireName(),
                update.status().wireName(), update.location(), customerId, agentId, update.recordedAt(),
                update.timeZone(), estimatedDelivery);
    }

    /** Builds a history entry, refusing a bad note before anything about the shipment changes. */
    private static TrackingUpdate entry(ShipmentStatus entryStatus, String location, GeoPoint point, ZoneId zone,
            String note, UUID by, Instant at) {
        return new TrackingUpdate(UUID.randomUUID(), entryStatus, location, checkedNote(note), by, at, point,
                zone == null ? null : zone.getId());
    }

    /** Revises the estimate after the entry just recorded, on the entry's local date, keeping the revision. */
    private void reviseAfter(TrackingUpdate update, boolean moved) {
        LocalDate today = update.recordedAt().atZone(update.timeZone() == null ? ZoneId.of("UTC")
                : ZoneId.of(update.timeZone())).toLocalDate();
        LocalDate revised = DeliveryEstimate.revised(estimatedDelivery, update.status(), moved, today);
        if (!Objects.equals(revised, estimatedDelivery)) {
            revise(revised, moved ? update.status().wireName() : "scan", update.recordedAt());
        }
    }

    private void revise(LocalDate estimate, String reason, Instant at) {
        EstimateRevision revision = new EstimateRevision(history.size() - 1, reason, estimate, estimatedDelivery, at);
        estimatedDelivery = estimate;
        revisions.add(revision);
        unsavedRevisions.add(revision);
    }

    /** The zone of the booking's entry: that of entries without a place of their own. */
    private ZoneId bookingZone() {
        String zone = history.isEmpty() ? null : history.get(0).timeZone();
        return zone == null ? null : ZoneId.of(zone);
    }

    private TrackingUpdate record(TrackingUpdate update) {
        history.add(update);
        unsaved.add(update);
        updatedAt = update.recordedAt();
        return update;
    }

    private void requireNotDispatched(String what) {
        if (status.isDispatched()) {
            throw new ConflictException("The shipment is " + status.wireName() + ": it can only be " + what
                    + " before dispatch.");
        }
    }

    private static String requireLocation(String location) {
        return SingleLineText.required("location", location, ShipmentDetails.MAX_ADDRESS);
    }

    private static String checkedNote(String note) {
        return SingleLineText.optional("note", note, ShipmentDetails.MAX_DESCRIPTION);
    }

    /**
     * A recipient phone given now must be E.164. One stored before that rule is kept as it is until
     * the customer changes it, so old bookings stay readable and editable.
     */
    private static void requirePhone(ShipmentDetails details) {
        PhoneNumber.parse("recipient_phone", details.recipientPhone());
    }

    public UUID id() {
        return id;
    }

    public TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID agentId() {
        return agentId;
    }

    public UUID hubId() {
        return hubId;
    }

    public ShipmentDetails details() {
        return details;
    }

    public ShipmentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<TrackingUpdate> history() {
        return List.copyOf(history);
    }

    public ServiceLevel serviceLevel() {
        return serviceLevel;
    }

    /** The delivery date promised at booking; null for shipments booked before promises. */
    public LocalDate promisedDeliveryDate() {
        return promisedDeliveryDate;
    }

    /** The latest estimate of the delivery date; null when there is none or it is no longer expected. */
    public LocalDate estimatedDelivery() {
        return estimatedDelivery;
    }

    /** Every revision of the estimate, oldest first. */
    public List<EstimateRevision> estimateRevisions() {
        return List.copyOf(revisions);
    }

    /** Revisions added since the shipment was loaded, for the repository to append. */
    public List<EstimateRevision> unsavedEstimateRevisions() {
        return List.copyOf(unsavedRevisions);
    }

    /** The number of the first unsaved revision. */
    public int firstUnsavedRevision() {
        return revisions.size() - unsavedRevisions.size();
    }

    /** The people a shipment belongs to, which decide who may see it; readable without the whole shipment. */
    public record Parties(UUID customerId, UUID agentId) {

        public boolean isVisibleTo(Caller caller) {
            return caller.isAdmin() || caller.is(customerId) || (caller.isAgent() && caller.is(agentId));
        }
    }

    /** History entries added since the shipment was loaded, for the repository to append. */
    public List<TrackingUpdate> unsavedHistory() {
        return List.copyOf(unsaved);
    }

    /** The position in the history of the first unsaved entry. */
    public int firstUnsavedSequence() {
        return history.size() - unsaved.size();
    }
}
