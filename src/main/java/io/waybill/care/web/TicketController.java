package io.waybill.care.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.care.Ticket;
import io.waybill.care.TicketService;
import io.waybill.care.Tickets;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/tickets")
@Tag(name = "Support tickets", description = "Questions and complaints, optionally about a shipment, answered by "
        + "admins and the shipment's assigned agent. Statuses: open, in_progress, resolved, closed.")
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a ticket", description = "Any signed-in user. category is one of delay, damage, lost, "
            + "payment, other; message is the first message (at most 4000 characters). shipment_id, when given, "
            + "must be a shipment the caller sees (404 otherwise, as for one that does not exist).")
    @ApiResponse(responseCode = "201", description = "The ticket, status open")
    ResponseEntity<TicketResponse> open(@RequestBody OpenTicketRequest request, Caller caller) {
        Ticket ticket = tickets.open(caller, request.shipmentId(), request.category(), request.message());
        return ResponseEntity.created(URI.create("/tickets/" + ticket.id())).body(TicketResponse.of(ticket));
    }

    @GetMapping
    @Operation(summary = "List tickets", description = "Newest first. Admins see all; others their own, and agents "
            + "also those about shipments assigned to them. Filters: status, category, older_than (an ISO-8601 "
            + "duration: opened longer ago than it, e.g. P2D).")
    Page<TicketSummaryResponse> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(name = "older_than", required = false) String olderThan,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Caller caller) {
        return tickets.list(caller, status, category, olderThan, PageQuery.of(page, size))
                .map(TicketSummaryResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One ticket with its thread", description = "For its requester, admins and the agent "
            + "assigned to its shipment; 404 for anyone else.")
    TicketResponse get(@PathVariable UUID id, Caller caller) {
        return TicketResponse.of(tickets.ticket(caller, id));
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reply on a ticket", description = "The requester, or staff (admins, the shipment's "
            + "assigned agent). Staff's first reply moves an open ticket to in_progress; the requester's reply "
            + "reopens a resolved one. The other side is told by email. 409 on a closed ticket.")
    @ApiResponse(responseCode = "201", description = "The ticket with the new message")
    ResponseEntity<TicketResponse> reply(@PathVariable UUID id, @RequestBody TicketReplyRequest request, Caller caller) {
        Ticket ticket = tickets.reply(caller, id, request.message());
        return ResponseEntity.created(URI.create("/tickets/" + ticket.id())).body(TicketResponse.of(ticket));
    }

    @PutMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a ticket's status", description = "Staff: open -> in_progress, resolved, closed; "
            + "in_progress -> resolved, closed; resolved -> open, in_progress, closed; closed is final (409 for "
            + "any other move). The requester may only close it, or reopen it once resolved (403 otherwise).")
    @ApiResponse(responseCode = "403", description = "The requester may only close or reopen")
    TicketResponse changeStatus(@PathVariable UUID id, @RequestBody TicketStatusRequest request, Caller caller) {
        return TicketResponse.of(tickets.changeStatus(caller, id, request.status()));
    }

    record OpenTicketRequest(UUID shipmentId, String category, String message) {
    }

    record TicketReplyRequest(String message) {
    }

    record TicketStatusRequest(String status) {
    }

    record TicketResponse(UUID id, UUID requesterId, UUID shipmentId, String category, String status,
            Instant openedAt, Instant updatedAt, Instant firstResponseAt, List<TicketMessageResponse> messages) {

        static TicketResponse of(Ticket ticket) {
            return new TicketResponse(ticket.id(), ticket.requesterId(), ticket.shipmentId(),
                    ticket.category().wireName(), ticket.status().wireName(), ticket.openedAt(), ticket.updatedAt(),
                    ticket.firstResponseAt(), ticket.messages().stream().map(message -> new TicketMessageResponse(
                            message.number(), message.authorId(), message.side().wireName(), message.body(),
                            message.sentAt())).toList());
        }
    }

    record TicketMessageResponse(int number, UUID authorId, String side, String body, Instant sentAt) {
    }

    record TicketSummaryResponse(UUID id, UUID requesterId, UUID shipmentId, String category, String status,
            Instant openedAt, Instant updatedAt, Instant firstResponseAt, int messages) {

        static TicketSummaryResponse of(Tickets.TicketSummary ticket) {
            return new TicketSummaryResponse(ticket.id(), ticket.requesterId(), ticket.shipmentId(),
                    ticket.category().wireName(), ticket.status().wireName(), ticket.openedAt(), ticket.updatedAt(),
                    ticket.firstResponseAt(), ticket.messages());
        }
    }
}
