package io.waybill.shipments;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
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
 * <p>Delivery ({@link DeliveryState}): going {@code out_for_delivery} starts an attempt and, when the
 * deployment accepts codes, issues the recipient a one-time {@link DeliveryCode}. The attempt ends
 * {@code delivered}, only with a {@link DeliveryProof} ({@link #deliver}), or {@code delivery_failed}
 * with a {@link FailureReason} ({@link #failDelivery}); the code expires with it. After the
 * deployment's number of failed attempts the shipment is {@code returned} by itself. Between
 * attempts the customer says what should happen next ({@link #instruct}).
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
    private final DeliveryState delivery;
    private Payment payment;

    private Shipment(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, ServiceLevel serviceLevel, LocalDate promisedDeliveryDate,
            LocalDate estimatedDelivery, List<EstimateRevision> revisions, DeliveryState delivery, Payment payment) {
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
        this.delivery = Objects.requireNonNull(delivery);
        this.payment = Objects.requireNonNull(payment);
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
        return book(trackingNumber, customerId, details, serviceLevel, promisedDeliveryDate, zone, Payment.prepaid(),
                bookedBy, at);
    }

    /** A new booking paid as {@code payment} says: prepaid, or cash on delivery with its amount pending. */
    public static Booking book(TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ServiceLevel serviceLevel, LocalDate promisedDeliveryDate, ZoneId zone, Payment payment, UUID bookedBy,
            Instant at) {
        requirePhone(details);
        Shipment shipment = new Shipment(UUID.randomUUID(), trackingNumber, customerId, details,
                ShipmentStatus.CREATED, null, null, at, at, List.of(), serviceLevel, promisedDeliveryDate, null,
                List.of(), DeliveryState.none(), payment);
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
                ServiceLevel.STANDARD, null, null, List.of(), DeliveryState.none());
    }

    /** Rebuilds a stored shipment with its history and its estimate revisions, oldest first; for repositories only. */
    public static Shipment restore(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, ServiceLevel serviceLevel, LocalDate promisedDeliveryDate,
            LocalDate estimatedDelivery, List<EstimateRevision> revisions) {
        return restore(id, trackingNumber, customerId, details, status, agentId, hubId, createdAt, updatedAt, history,
                serviceLevel, promisedDeliveryDate, estimatedDelivery, revisions, DeliveryState.none());
    }

    /** Rebuilds a stored shipment with its history and its delivery side; for repositories only. */
    public static Shipment restore(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, DeliveryState delivery) {
        return restore(id, trackingNumber, customerId, details, status, agentId, hubId, createdAt, updatedAt, history,
                ServiceLevel.STANDARD, null, null, List.of(), delivery);
    }

    /**
     * Rebuilds a stored shipment with its history, its estimate revisions (oldest first) and its
     * delivery side; for repositories only.
     */
    public static Shipment restore(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, ServiceLevel serviceLevel, LocalDate promisedDeliveryDate,
            LocalDate estimatedDelivery, List<EstimateRevision> revisions, DeliveryState delivery) {
        return restore(id, trackingNumber, customerId, details, status, agentId, hubId, createdAt, updatedAt, history,
                serviceLevel, promisedDeliveryDate, estimatedDelivery, revisions, delivery, Payment.prepaid());
    }

    /** Rebuilds a stored shipment whole, its payment included; for repositories only. */
    public static Shipment restore(UUID id, TrackingNumber trackingNumber, UUID customerId, ShipmentDetails details,
            ShipmentStatus status, UUID agentId, UUID hubId, Instant createdAt, Instant updatedAt,
            List<TrackingUpdate> history, ServiceLevel serviceLevel, LocalDate promisedDeliveryDate,
            LocalDate estimatedDelivery, List<EstimateRevision> revisions, DeliveryState delivery, Payment payment) {
        return new Shipment(id, trackingNumber, customerId, details, status, agentId, hubId, createdAt, updatedAt,
                history, serviceLevel, promisedDeliveryDate, estimatedDelivery, revisions, delivery, payment);
    }

    public void edit(ShipmentDetails newDetails, Instant at) {
        requireNotDispatched("changed");
        if (!Objects.equals(newDetails.recipientPhone(), details.recipientPhone())) {
            requirePhone(newDetails);
        }
        this.details = Objects.requireNonNull(newDetails);
        this.updatedAt = at;
    }

    /** Changes how the booking is paid for, as its other details: before dispatch. */
    public void changePayment(Payment newPayment, Instant at) {
        requireNotDispatched("changed");
        this.payment = Objects.requireNonNull(newPayment);
        this.updatedAt = at;
    }

    /** An admin lets the agent collect another amount than the one due, or takes that back; while pending. */
    public void allowCollectionMismatch(boolean allowed, Instant at) {
        this.payment = payment.allowingMismatch(allowed);
        this.updatedAt = at;
    }

    /** An admin paid the customer back a remitted cash-on-delivery payment. */
    public List<ShipmentEvent> refundPayment(UUID by, Instant at) {
        this.payment = payment.refunded();
        this.updatedAt = at;
        return List.of(new PaymentRefunded(id, trackingNumber.value(), customerId, payment.collection().collectedBy(),
                payment.collection().amount().amountMinor(), payment.collection().amount().currencyCode(), by, at));
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
        return changeStatus(next, location, null, bookingZone(), note, DeliveryPolicy.DEFAULT, by, at);
    }

    /**
     * {@link #changeStatus(ShipmentStatus, String, String, UUID, Instant)} with where the scanner stood
     * ({@code point}, null for none) and the time zone of the place ({@code zone}).
     */
    public List<ShipmentEvent> changeStatus(ShipmentStatus next, String location, GeoPoint point, ZoneId zone,
            String note, UUID by, Instant at) {
        return changeStatus(next, location, point, zone, note, DeliveryPolicy.DEFAULT, by, at);
    }

    /**
     * As {@link #changeStatus(ShipmentStatus, String, String, UUID, Instant)} under a deployment's
     * delivery rules.
     */
    public List<ShipmentEvent> changeStatus(ShipmentStatus next, String location, String note, DeliveryPolicy policy,
            UUID by, Instant at) {
        return changeStatus(next, location, null, bookingZone(), note, policy, by, at);
    }

    /**
     * Moves the shipment on under a deployment's delivery rules, with where the scanner stood
     * ({@code point}, null for none) and the time zone of the place ({@code zone}). {@code delivered}
     * needs a proof ({@link #deliver}) and {@code delivery_failed} a reason ({@link #failDelivery}):
     * both are refused here. Going {@code out_for_delivery} issues the recipient's code when the
     * deployment accepts codes.
     */
    public List<ShipmentEvent> changeStatus(ShipmentStatus next, String location, GeoPoint point, ZoneId zone,
            String note, DeliveryPolicy policy, UUID by, Instant at) {
        if (next == ShipmentStatus.DELIVERED && status.canMoveTo(next)) {
            throw new InvalidRequestException("proof", "A delivery needs a proof of delivery (the recipient's "
                    + "one-time code, a signature or a photo) and the name of who received it: hand it in with "
                    + "POST /shipments/{id}/proof-of-delivery.");
        }
        if (next == ShipmentStatus.DELIVERY_FAILED && status.canMoveTo(next)) {
            throw new InvalidRequestException("reason", "is required for delivery_failed: one of "
                    + FailureReason.allWireNames());
        }
        if (next == ShipmentStatus.OUT_FOR_DELIVERY && status.canMoveTo(next)) {
            return startAttempt(requireLocation(location), point, zone, note, policy, by, at);
        }
        return moveTo(next, requireLocation(location), point, zone, note, by, at);
    }

    private List<ShipmentEvent> startAttempt(String location, GeoPoint point, ZoneId zone, String note,
            DeliveryPolicy policy, UUID by, Instant at) {
        DeliveryInstruction instruction = currentInstruction();
        if (instruction != null && instruction.action() == DeliveryInstruction.Action.RETURN_TO_SENDER) {
            throw new ConflictException("The customer asked for this shipment to be returned to its sender; it "
                    + "cannot go out for delivery again.");
        }
        List<ShipmentEvent> events = new ArrayList<>(moveTo(ShipmentStatus.OUT_FOR_DELIVERY, location, point, zone, note,
                by, at));
        if (policy.accepts(ProofKind.OTP)) {
            DeliveryCode.Issued issued = DeliveryCode.issue();
            delivery.startAttempt(issued.kept());
            events.add(new DeliveryCodeIssued(id, trackingNumber.value(), customerId, details.recipientName(),
                    details.recipientPhone(), issued.code(), at));
        }
        return List.copyOf(events);
    }

    /**
     * Closes the attempt under way as delivered, on one proof the deployment accepts. A wrong code is
     * counted before it is refused ({@link DeliveryCodeRejectedException}: the caller keeps the count);
     * after {@value DeliveryCode#MAX_WRONG_TRIES} wrong codes only a signature or a photo is accepted.
     */
    public List<ShipmentEvent> deliver(DeliveryProof proof, String location, DeliveryPolicy policy, UUID by,
            Instant at) {
        return deliver(proof, location, bookingZone(), policy, by, at);
    }

    /**
     * {@link #deliver(DeliveryProof, String, DeliveryPolicy, UUID, Instant)} with the time zone of the
     * place ({@code zone}); the delivered entry takes the proof's position as its point, and revises
     * the estimate as any move to {@code delivered} does.
     */
    public List<ShipmentEvent> deliver(DeliveryProof proof, String location, ZoneId zone, DeliveryPolicy policy,
            UUID by, Instant at) {
        if (status != ShipmentStatus.OUT_FOR_DELIVERY) {
            throw new IllegalStatusTransitionException(status, ShipmentStatus.DELIVERED);
        }
        if (!policy.accepts(proof.kind())) {
            throw new InvalidRequestException("kind", "Accepted as proof of delivery here only: "
                    + String.join(", ", policy.acceptedProofs().stream().sorted().map(ProofKind::wireName).toList()));
        }
        String where = requireLocation(location);
        // Checked before the code, so that a refused collection does not spend one of the code's tries.
        Payment collected = payment.collect(proof.collection(), by, at);
        if (proof.kind() == ProofKind.OTP) {
            checkCode(proof.code());
        }
        payment = collected;
        ProofOfDelivery recorded = new ProofOfDelivery(proof.kind(), proof.receivedBy(), proof.latitude(),
                proof.longitude(), where, proof.imageReferences(), by, at);
        GeoPoint point = proof.latitude() == null ? null : new GeoPoint(proof.latitude(), proof.longitude());
        List<ShipmentEvent> events = new ArrayList<>(moveTo(ShipmentStatus.DELIVERED, where, point, zone,
                "Delivered, received by " + recorded.receivedByInitials(), by, at));
        delivery.proven(recorded);
        events.add(new ProofOfDeliveryRecorded(id, trackingNumber.value(), customerId, agentId,
                proof.kind().wireName(), recorded.receivedByInitials(), proof.imageReferences(), at));
        if (payment.collection() != null) {
            events.add(new PaymentCollected(id, trackingNumber.value(), customerId, agentId,
                    payment.amount().amountMinor(), payment.collection().amount().amountMinor(),
                    payment.amount().currencyCode(), payment.collection().method().wireName(), by, at));
        }
        return List.copyOf(events);
    }

    private void checkCode(String code) {
        DeliveryCode kept = delivery.code();
        if (kept == null) {
            throw new InvalidRequestException("code", "No one-time code was issued for this delivery attempt: "
                    + "prove the delivery with a signature or a photo.");
        }
        if (kept.isLocked()) {
            throw new DeliveryCodeRejectedException(0);
        }
        if (!kept.matches(code)) {
            throw new DeliveryCodeRejectedException(kept.triesLeft());
        }
    }

    /**
     * Closes the attempt under way as failed, for a reason. The attempt that reaches the deployment's
     * limit of failed attempts also sends the shipment back: a second entry, {@code returned}, says why.
     */
    public List<ShipmentEvent> failDelivery(FailureReason reason, String location, String note,
            DeliveryPolicy policy, UUID by, Instant at) {
        return failDelivery(reason, location, null, bookingZone(), note, policy, by, at);
    }

    /**
     * {@link #failDelivery(FailureReason, String, String, DeliveryPolicy, UUID, Instant)} with where the
     * scanner stood ({@code point}, null for none) and the time zone of the place ({@code zone}). The
     * failed attempt revises the estimate (the next attempt, the next day); the automatic return
     * clears it, in the same zone.
     */
    public List<ShipmentEvent> failDelivery(FailureReason reason, String location, GeoPoint point, ZoneId zone,
            String note, DeliveryPolicy policy, UUID by, Instant at) {
        if (reason == null) {
            throw new InvalidRequestException("reason", "is required for delivery_failed: one of "
                    + FailureReason.allWireNames());
        }
        List<ShipmentEvent> events = new ArrayList<>(moveTo(ShipmentStatus.DELIVERY_FAILED, requireLocation(location),
                point, zone, note, by, at));
        int attempt = failedDeliveryAttempts();
        delivery.failed(new DeliveryFailure(attempt, reason, at));
        events.add(new DeliveryAttemptFailed(id, trackingNumber.value(), customerId, agentId, hubId, attempt,
                reason.wireName(), at));
        if (attempt >= policy.maxFailedAttempts()) {
            events.addAll(moveTo(ShipmentStatus.RETURNED, currentLocation(), null, zone,
                    "Returned to sender automatically after " + attempt + " failed delivery attempts", by, at));
        }
        return List.copyOf(events);
    }

    /**
     * The customer's instruction after a failed attempt: another attempt on a date (today or later, as
     * {@code today} is where the customer is), holding it at the hub, or returning it. A later
     * instruction replaces an earlier one.
     */
    public List<ShipmentEvent> instruct(DeliveryInstruction.Action action, LocalDate reattemptOn, LocalDate today,
            UUID by, Instant at) {
        if (status != ShipmentStatus.DELIVERY_FAILED) {
            throw new ConflictException("The shipment is " + status.wireName() + ": delivery instructions are "
                    + "given after a failed delivery attempt.");
        }
        if (action == null) {
            throw new InvalidRequestException("action", "is required: one of "
                    + DeliveryInstruction.Action.allWireNames());
        }
        if (action == DeliveryInstruction.Action.REATTEMPT) {
            if (reattemptOn == null) {
                throw new InvalidRequestException("date", "is required to reattempt the delivery");
            }
            if (reattemptOn.isBefore(today)) {
                throw new InvalidRequestException("date", "is in the past");
            }
        } else if (reattemptOn != null) {
            throw new InvalidRequestException("date", "is only given to reattempt the delivery");
        }
        DeliveryInstruction given = new DeliveryInstruction(action, reattemptOn, failedDeliveryAttempts(), by, at);
        delivery.instructed(given);
        updatedAt = at;
        return List.of(new DeliveryInstructionGiven(id, trackingNumber.value(), customerId, agentId,
                action.wireName(), reattemptOn, given.afterAttempt(), at));
    }

    /**
     * The customer's instruction for the latest failed attempt, until the shipment goes out again (or
     * is delivered); null when there is none.
     */
    public DeliveryInstruction currentInstruction() {
        DeliveryInstruction instruction = delivery.instruction();
        boolean pending = status != ShipmentStatus.OUT_FOR_DELIVERY && status != ShipmentStatus.DELIVERED;
        return pending && instruction != null && instruction.afterAttempt() == failedDeliveryAttempts()
                ? instruction : null;
    }

    /** The delivery side: the attempt's code, the failures, the instruction and the proof. */
    public DeliveryState delivery() {
        return delivery;
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
        return sharesAgentLocation(status, parties(), caller);
    }

    /** The rule of {@link #sharesAgentLocationWith}, for a shipment read as a view. */
    static boolean sharesAgentLocation(ShipmentStatus status, Parties parties, Caller caller) {
        return status == ShipmentStatus.OUT_FOR_DELIVERY && parties.agentId() != null && parties.isVisibleTo(caller);
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
        if (previous == ShipmentStatus.OUT_FOR_DELIVERY) {
            delivery.endAttempt();
        }
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
                update.timeZone(), estimatedDelivery, payment.status() == null ? null : payment.status().wireName());
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

    /**
     * Expects the shipment no earlier than {@code notBefore}: a delay on its way (its flight's, say)
     * that its own entries cannot see. Kept as a revision for {@code reason}; an estimate already that
     * late is left as it is, and so is a shipment with none (it is not expected, or booked before
     * estimates). Answers whether the estimate moved.
     */
    public boolean postpone(LocalDate notBefore, String reason, Instant at) {
        if (estimatedDelivery == null || !estimatedDelivery.isBefore(notBefore)) {
            return false;
        }
        revise(notBefore, reason, at);
        updatedAt = at;
        return true;
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

    public Payment payment() {
        return payment;
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
