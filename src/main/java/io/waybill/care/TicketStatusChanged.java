package io.waybill.care;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A ticket moved to another status: {@code ticket.status_changed}, with who moved it. */
@NamedInterface("events")
public record TicketStatusChanged(UUID ticketId, String previousStatus, String status, UUID changedBy,
        Instant occurredAt) implements TicketEvent {

    public static final String TOPIC = "ticket.status_changed";

    @Override
    public String topic() {
        return TOPIC;
    }
}
