package io.waybill.care;

import java.time.Instant;
import java.util.UUID;

/** One message of a ticket's thread: its place (the opening message is 1), who wrote it and from which side. */
public record TicketMessage(int number, UUID authorId, Side side, String body, Instant sentAt) {

    /** The requester, or the staff answering them (an admin, or the shipment's assigned agent). */
    public enum Side {
        REQUESTER, STAFF;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
