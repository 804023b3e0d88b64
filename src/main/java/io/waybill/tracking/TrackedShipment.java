package io.waybill.tracking;

import io.waybill.kernel.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A shipment as the tracking module knows it from the shipments' events: who it belongs to, who
 * delivers it, and its history. The history is the unbroken run of entries from the booking on: an
 * entry whose predecessor has not arrived yet is not part of it, so what is shown is always a
 * history the shipment really had. Its status and location are derived from the history, as the
 * shipments module derives them. Its delivery dates are the promised one (from the booking) and the
 * latest estimate the events carried.
 */
public record TrackedShipment(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
        List<Entry> history, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery, String receivedBy) {

    public TrackedShipment(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
            List<Entry> history, LocalDate promisedDeliveryDate, LocalDate estimatedDelivery) {
        this(shipmentId, trackingNumber, customerId, agentId, history, promisedDeliveryDate, estimatedDelivery, null);
    }

    /**
     * One entry of the history; {@code sequence} is its place in it (the booking is 0), {@code timeZone}
     * the IANA zone of its place (null for entries recorded before zones).
     */
    public record Entry(int sequence, String status, String location, Instant occurredAt, String timeZone) {

        public Entry(int sequence, String status, String location, Instant occurredAt) {
            this(sequence, status, location, occurredAt, null);
        }
    }

    public TrackedShipment(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
            List<Entry> history) {
        this(shipmentId, trackingNumber, customerId, agentId, history, null, null);
    }

    public TrackedShipment {
        if (history.isEmpty() || history.get(0).sequence() != 0) {
            throw new IllegalArgumentException("A tracked shipment's history starts with its booking");
        }
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).sequence() != i) {
                throw new IllegalArgumentException("A tracked shipment's history has no gap");
            }
        }
        history = List.copyOf(history);
    }

    /** The unbroken run of entries from the booking on, from entries in order of sequence; empty before the booking. */
    public static List<Entry> unbroken(List<Entry> bySequence) {
        List<Entry> run = new ArrayList<>();
        for (Entry entry : bySequence) {
            if (entry.sequence() != run.size()) {
                break;
            }
            run.add(entry);
        }
        return run;
    }

    /** An admin sees every shipment, a customer their own, an agent those assigned to them (the shipments' rule). */
    public boolean isVisibleTo(Caller caller) {
        return caller.isAdmin() || caller.is(customerId) || (caller.isAgent() && agentId != null && caller.is(agentId));
    }

    public Entry latest() {
        return history.get(history.size() - 1);
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

    public PublicTracking toPublic() {
        return new PublicTracking(trackingNumber, latest().status(), currentLocation(), latest().occurredAt(),
                history.stream().map(entry -> PublicTracking.Event.at(entry.status(), entry.location(),
                        entry.occurredAt(), entry.timeZone())).toList(), promisedDeliveryDate, estimatedDelivery,
                "delivered".equals(latest().status()) ? receivedBy : null);
    }

    public TrackingDocument toDocument() {
        PublicTracking page = toPublic();
        return new TrackingDocument(trackingNumber, page.status(), page.currentLocation(), page.updatedAt(),
                latest().sequence(), page.events(), page.promisedDeliveryDate(), page.estimatedDelivery(),
                page.receivedBy());
    }

    /** The history as live updates, each with the status it followed. */
    public List<LiveUpdate> asLiveUpdates() {
        List<LiveUpdate> updates = new ArrayList<>();
        String previous = null;
        for (Entry entry : history) {
            updates.add(new LiveUpdate(shipmentId, trackingNumber, customerId, agentId, entry.sequence(), previous,
                    entry.status(), entry.location(), entry.occurredAt()));
            previous = entry.status();
        }
        return updates;
    }
}
