package io.waybill.care;

import io.waybill.eventing.DomainEvent;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An event about one ticket, keyed by it so that a ticket's events stay in order. */
@NamedInterface("events")
public interface TicketEvent extends DomainEvent {

    UUID ticketId();

    @Override
    default String key() {
        return ticketId().toString();
    }
}
