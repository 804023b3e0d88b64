package io.waybill.care;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A message on a ticket's thread: {@code ticket.replied}. {@code side} is {@code requester} or
 * {@code staff}; {@code notifyUserId} is the other side to tell (the requester for a staff reply,
 * the staff member who answered last for the requester's; null before anyone answered).
 * {@code firstResponse} marks staff's first reply, and {@code openedAt} lets a consumer measure
 * the first-response time from this event alone.
 */
@NamedInterface("events")
public record TicketReplied(UUID ticketId, UUID authorId, String side, UUID notifyUserId, boolean firstResponse,
        Instant openedAt, int messageNumber, Instant occurredAt) implements TicketEvent {

    public static final String TOPIC = "ticket.replied";

    @Override
    public String topic() {
        return TOPIC;
    }
}
