package io.waybill.care;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A user opened a support ticket: {@code ticket.opened}; {@code shipmentId} is null for a ticket about no shipment. */
@NamedInterface("events")
public record TicketOpened(UUID ticketId, UUID requesterId, UUID shipmentId, String category, Instant occurredAt)
        implements TicketEvent {

    public static final String TOPIC = "ticket.opened";

    @Override
    public String topic() {
        return TOPIC;
    }
}
