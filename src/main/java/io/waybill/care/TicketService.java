package io.waybill.care;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Support tickets: load, let the ticket decide, store, publish what it returned. */
@Service
public class TicketService {

    static final String NO_TICKET = "No ticket with this id.";
    static final String NO_SHIPMENT = "No shipment with this id.";

    private final Tickets tickets;
    private final ShipmentCopies shipments;
    private final EventPublisher events;
    private final Clock clock;

    TicketService(Tickets tickets, ShipmentCopies shipments, EventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.shipments = shipments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Ticket open(Caller caller, UUID shipmentId, String category, String message) {
        ShipmentCopy shipment = null;
        if (shipmentId != null) {
            shipment = shipments.find(shipmentId).filter(copy -> copy.isVisibleTo(caller))
                    .orElseThrow(() -> new NotFoundException(NO_SHIPMENT));
        }
        Ticket.Opened opened = Ticket.open(UUID.randomUUID(), caller, shipment,
                TicketCategory.parse("category", category), message, clock.instant());
        tickets.add(opened.ticket());
        events.publish(opened.event());
        return opened.ticket();
    }

    @Transactional(readOnly = true)
    public Ticket ticket(Caller caller, UUID id) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> new NotFoundException(NO_TICKET));
        if (!ticket.isVisibleTo(caller, shipmentOf(ticket))) {
            throw new NotFoundException(NO_TICKET);
        }
        return ticket;
    }

    @Transactional
    public Ticket reply(Caller caller, UUID id, String message) {
        Ticket ticket = locked(caller, id);
        for (DomainEvent event : ticket.reply(caller, shipmentOf(ticket), message, clock.instant())) {
            events.publish(event);
        }
        tickets.save(ticket);
        return ticket;
    }

    @Transactional
    public Ticket changeStatus(Caller caller, UUID id, String status) {
        TicketStatus next = TicketStatus.parse("status", status);
        Ticket ticket = locked(caller, id);
        events.publish(ticket.changeStatus(caller, shipmentOf(ticket), next, clock.instant()));
        tickets.save(ticket);
        return ticket;
    }

    /**
     * The tickets the caller sees, newest first: admins all, others their own and (agents) those
     * about shipments assigned to them. {@code olderThan} is an ISO-8601 duration (P2D, PT12H).
     */
    @Transactional(readOnly = true)
    public Page<Tickets.TicketSummary> list(Caller caller, String status, String category, String olderThan,
            PageQuery page) {
        TicketStatus wantedStatus = status == null ? null : TicketStatus.fromWire(status)
                .orElseThrow(() -> new BadParameterException("status", TicketStatus.ONE_OF));
        TicketCategory wantedCategory = category == null ? null : TicketCategory.fromWire(category)
                .orElseThrow(() -> new BadParameterException("category", TicketCategory.ONE_OF));
        Instant openedBefore = olderThan == null ? null : clock.instant().minus(age(olderThan));
        return tickets.list(new Tickets.TicketQuery(caller.isAdmin() ? null : caller.userId(), caller.isAgent(),
                wantedStatus, wantedCategory, openedBefore), page);
    }

    private static Duration age(String olderThan) {
        try {
            Duration age = Duration.parse(olderThan.trim());
            if (age.isNegative()) {
                throw new BadParameterException("older_than", "must not be negative");
            }
            return age;
        } catch (DateTimeParseException e) {
            throw new BadParameterException("older_than", "must be an ISO-8601 duration such as P2D or PT12H");
        }
    }

    private Ticket locked(Caller caller, UUID id) {
        // Visibility first, without the lock: a caller who cannot see the ticket never waits for it.
        ticket(caller, id);
        return tickets.lock(id).orElseThrow(() -> new NotFoundException(NO_TICKET));
    }

    private ShipmentCopy shipmentOf(Ticket ticket) {
        return ticket.shipmentId() == null ? null : shipments.find(ticket.shipmentId()).orElse(null);
    }
}
