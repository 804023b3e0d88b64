package io.waybill.care;

import io.waybill.eventing.DomainEvent;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A support ticket: opened by any signed-in user, optionally about a shipment they can see, with a
 * category and a first message. Staff (admins, and the agent assigned to the ticket's shipment at
 * the time) reply; the requester replies back. A first staff reply takes an open ticket in hand
 * (in_progress); a requester's reply to a resolved ticket reopens it; nobody writes on a closed
 * one. The requester may only close their ticket or reopen it once resolved; staff move it along
 * {@link TicketStatus}'s transitions. Each change returns the events it produces.
 */
public final class Ticket {

    static final int MAX_MESSAGE = 4000;

    private final UUID id;
    private final UUID requesterId;
    private final UUID shipmentId;
    private final TicketCategory category;
    private final Instant openedAt;
    private TicketStatus status;
    private Instant updatedAt;
    private Instant firstResponseAt;
    private UUID lastStaffId;
    private final List<TicketMessage> messages;

    public Ticket(UUID id, UUID requesterId, UUID shipmentId, TicketCategory category, TicketStatus status,
            Instant openedAt, Instant updatedAt, Instant firstResponseAt, UUID lastStaffId,
            List<TicketMessage> messages) {
        this.id = Objects.requireNonNull(id);
        this.requesterId = Objects.requireNonNull(requesterId);
        this.shipmentId = shipmentId;
        this.category = Objects.requireNonNull(category);
        this.status = Objects.requireNonNull(status);
        this.openedAt = Objects.requireNonNull(openedAt);
        this.updatedAt = updatedAt;
        this.firstResponseAt = firstResponseAt;
        this.lastStaffId = lastStaffId;
        this.messages = new ArrayList<>(messages);
    }

    /**
     * Opens a ticket. The shipment, when given, must be one the requester sees; the caller checks
     * that before, so that a shipment they cannot see is answered as one that does not exist.
     */
    public static Opened open(UUID id, Caller requester, ShipmentCopy shipment, TicketCategory category,
            String message, Instant at) {
        Objects.requireNonNull(category, "category");
        String body = messageBody(message);
        Ticket ticket = new Ticket(id, requester.userId(), shipment == null ? null : shipment.shipmentId(), category,
                TicketStatus.OPEN, at, at, null, null,
                List.of(new TicketMessage(1, requester.userId(), TicketMessage.Side.REQUESTER, body, at)));
        return new Opened(ticket, new TicketOpened(id, requester.userId(), ticket.shipmentId, category.wireName(),
                at));
    }

    public record Opened(Ticket ticket, TicketOpened event) {
    }

    /** The requester, admins and the agent now assigned to the ticket's shipment see it; for anyone else it does not exist. */
    public boolean isVisibleTo(Caller caller, ShipmentCopy shipment) {
        return caller.is(requesterId) || isStaff(caller, shipment);
    }

    /** Who answers for Waybill: admins, and the agent assigned to the ticket's shipment. */
    public boolean isStaff(Caller caller, ShipmentCopy shipment) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.isAgent() && shipment != null && shipment.agentId() != null && caller.is(shipment.agentId())
                && !caller.is(requesterId);
    }

    /** A message on the thread, from whichever side the caller is on. */
    public List<DomainEvent> reply(Caller caller, ShipmentCopy shipment, String message, Instant at) {
        String body = messageBody(message);
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("This ticket is closed; open a new one.");
        }
        boolean staff = !caller.is(requesterId) && isStaff(caller, shipment);
        if (!staff && !caller.is(requesterId)) {
            throw new ForbiddenException("Only the requester and staff write on a ticket.");
        }
        TicketMessage.Side side = staff ? TicketMessage.Side.STAFF : TicketMessage.Side.REQUESTER;
        messages.add(new TicketMessage(messages.size() + 1, caller.userId(), side, body, at));
        updatedAt = at;
        List<DomainEvent> events = new ArrayList<>();
        boolean firstResponse = false;
        UUID notify;
        if (staff) {
            firstResponse = firstResponseAt == null;
            if (firstResponse) {
                firstResponseAt = at;
            }
            lastStaffId = caller.userId();
            notify = requesterId;
        } else {
            // The requester's reply goes to whoever answered last; before any answer, to the queue.
            notify = lastStaffId;
        }
        events.add(new TicketReplied(id, caller.userId(), side.wireName(), notify, firstResponse, openedAt,
                messages.size(), at));
        if (staff && status == TicketStatus.OPEN) {
            events.add(moveTo(TicketStatus.IN_PROGRESS, caller, at));
        } else if (!staff && status == TicketStatus.RESOLVED) {
            events.add(moveTo(TicketStatus.OPEN, caller, at));
        }
        return events;
    }

    /** A status change: staff along the transitions; the requester only closes, or reopens what was resolved. */
    public TicketStatusChanged changeStatus(Caller caller, ShipmentCopy shipment, TicketStatus next, Instant at) {
        Objects.requireNonNull(next, "status");
        boolean staff = !caller.is(requesterId) && isStaff(caller, shipment);
        if (!staff) {
            if (!caller.is(requesterId)) {
                throw new ForbiddenException("Only the requester and staff change a ticket's status.");
            }
            if (next != TicketStatus.CLOSED && !(status == TicketStatus.RESOLVED && next == TicketStatus.OPEN)) {
                throw new ForbiddenException("The requester may close the ticket, or reopen it once resolved; "
                        + "staff move it otherwise.");
            }
        }
        if (!status.canMoveTo(next)) {
            throw new ConflictException("A ticket cannot go from " + status.wireName() + " to " + next.wireName()
                    + (status.next().isEmpty() ? "; it is closed." : "; it may go to "
                            + status.next().stream().map(TicketStatus::wireName).sorted().toList() + "."));
        }
        return moveTo(next, caller, at);
    }

    private TicketStatusChanged moveTo(TicketStatus next, Caller by, Instant at) {
        TicketStatus previous = status;
        status = next;
        updatedAt = at;
        return new TicketStatusChanged(id, previous.wireName(), next.wireName(), by.userId(), at);
    }

    static String messageBody(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidRequestException("message", "must not be blank");
        }
        String body = message.strip();
        if (body.length() > MAX_MESSAGE) {
            throw new InvalidRequestException("message", "must be at most " + MAX_MESSAGE + " characters");
        }
        return body;
    }

    public UUID id() {
        return id;
    }

    public UUID requesterId() {
        return requesterId;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public TicketCategory category() {
        return category;
    }

    public TicketStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public UUID lastStaffId() {
        return lastStaffId;
    }

    public List<TicketMessage> messages() {
        return List.copyOf(messages);
    }
}
