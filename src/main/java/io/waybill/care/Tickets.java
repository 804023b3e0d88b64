package io.waybill.care;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The tickets and their threads. */
public interface Tickets {

    void add(Ticket ticket);

    Optional<Ticket> find(UUID id);

    /** The ticket, locked until the transaction ends: its changes are made one at a time. */
    Optional<Ticket> lock(UUID id);

    /** Stores the ticket's state and the messages not stored yet. */
    void save(Ticket ticket);

    Page<TicketSummary> list(TicketQuery query, PageQuery page);

    /**
     * Which tickets a list shows: {@code viewer} null for all (admins), else the viewer's own and,
     * for an agent, those about shipments assigned to them; then the optional filters.
     */
    record TicketQuery(UUID viewer, boolean agent, TicketStatus status, TicketCategory category,
            Instant openedBefore) {
    }

    /** A ticket as lists show it, without its thread. */
    record TicketSummary(UUID id, UUID requesterId, UUID shipmentId, TicketCategory category, TicketStatus status,
            Instant openedAt, Instant updatedAt, Instant firstResponseAt, int messages) {
    }
}
