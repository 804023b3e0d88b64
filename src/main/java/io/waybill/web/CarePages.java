package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.care.FeedbackService;
import io.waybill.care.Ticket;
import io.waybill.care.TicketCategory;
import io.waybill.care.TicketService;
import io.waybill.care.TicketStatus;
import io.waybill.care.Tickets;
import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Services;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's customer-care pages over the care module's services, which decide who sees what
 * (a ticket or shipment the caller may not see is not found): my tickets, one ticket's conversation
 * with a reply form, opening a ticket (optionally about a shipment), and rating a delivery from the
 * shipment's page. They exist only in a process that runs care ({@link CareRuns}); elsewhere the
 * pages leave out their links and these paths are not found.
 */
@Controller
@Hidden
@Conditional(CarePages.CareRuns.class)
class CarePages {

    /** How many of the caller's latest shipments the "about a shipment" choice offers. */
    private static final int SHIPMENT_CHOICES = 50;

    private final TicketService tickets;
    private final FeedbackService feedback;
    private final ShipmentService shipments;
    private final ShipmentPage shipmentPage;

    CarePages(TicketService tickets, FeedbackService feedback, ShipmentService shipments, ShipmentPage shipmentPage) {
        this.tickets = tickets;
        this.feedback = feedback;
        this.shipments = shipments;
        this.shipmentPage = shipmentPage;
    }

    @GetMapping("/portal/tickets")
    String list(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        String wanted = status == null || status.isBlank() ? null : status.strip();
        Page<Tickets.TicketSummary> listed = tickets.list(caller(), wanted, null, null,
                PageQuery.of(page == null ? 0 : page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("tickets", listed.items());
        model.addAttribute("total", listed.total());
        model.addAttribute("page", listed.page());
        model.addAttribute("hasNext", (long) (listed.page() + 1) * listed.size() < listed.total());
        model.addAttribute("status", wanted == null ? "" : wanted);
        model.addAttribute("statuses", List.of(TicketStatus.values()).stream().map(TicketStatus::wireName).toList());
        return "web/tickets";
    }

    @GetMapping("/portal/tickets/new")
    String openForm(@RequestParam(name = "shipment", required = false) String shipment, Model model) {
        Caller caller = caller();
        Map<String, String> form = new HashMap<>();
        if (shipment != null && !shipment.isBlank()) {
            // Named from a shipment's page: it must be one the caller sees, as the service will check.
            form.put("shipment_id", shipments.get(caller, shipment).id().toString());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        fillOpenForm(caller, model);
        return "web/ticket-new";
    }

    @PostMapping("/portal/tickets")
    String open(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Caller caller = caller();
        return SentForm.of(form, model, response).choices("category").answer(() -> {
            Ticket opened = tickets.open(caller, shipmentId(form.get("shipment_id")), form.get("category"),
                    form.get("message"));
            return "redirect:/portal/tickets/" + opened.id() + "?opened";
        }, "web/ticket-new", () -> fillOpenForm(caller, model));
    }

    @GetMapping("/portal/tickets/{id}")
    String ticket(@PathVariable String id, Model model) {
        fillTicket(caller(), ticketId(id), model);
        FormErrors.empty(model);
        return "web/ticket";
    }

    @PostMapping("/portal/tickets/{id}/messages")
    String reply(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = caller();
        UUID ticket = ticketId(id);
        return SentForm.of(form, model, response).answer(() -> {
            tickets.reply(caller, ticket, form.get("message"));
            redirect.addFlashAttribute("notice", "ticket.replied");
            return "redirect:/portal/tickets/" + ticket;
        }, "web/ticket", () -> fillTicket(caller, ticket, model));
    }

    @PostMapping("/portal/tickets/{id}/close")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        UUID ticket = ticketId(id);
        tickets.changeStatus(caller(), ticket, TicketStatus.CLOSED.wireName());
        redirect.addFlashAttribute("notice", "ticket.closed");
        return "redirect:/portal/tickets/" + ticket;
    }

    /** The customer's rating of a delivery: given the first time, changed afterwards (for 7 days). */
    @PostMapping("/portal/shipments/{id}/feedback")
    String rate(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = caller();
        // The shipments module resolves the id or tracking number, and refuses a shipment the caller does not see.
        ShipmentView shipment = shipments.get(caller, id);
        return SentForm.of(form, model, response).choices("rating").answer(() -> {
            Integer rating = rating(form.get("rating"));
            if (feedback.of(caller, shipment.id()).isPresent()) {
                feedback.change(caller, shipment.id(), rating, form.get("comment"));
            } else {
                feedback.give(caller, shipment.id(), rating, form.get("comment"));
            }
            redirect.addFlashAttribute("notice", "feedback.saved");
            return "redirect:/portal/shipments/" + shipment.id();
        }, "web/shipment", () -> shipmentPage.fill(caller, id, model));
    }

    private void fillTicket(Caller caller, UUID id, Model model) {
        Ticket ticket = tickets.ticket(caller, id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("mine", caller.is(ticket.requesterId()));
        model.addAttribute("open", ticket.status() != TicketStatus.CLOSED);
        model.addAttribute("shipment", ticket.shipmentId() == null ? null
                : shipmentPage.visible(caller, ticket.shipmentId()));
    }

    private void fillOpenForm(Caller caller, Model model) {
        model.addAttribute("categories", List.of(TicketCategory.values()).stream().map(TicketCategory::wireName).toList());
        Map<String, String> choices = new LinkedHashMap<>();
        for (ShipmentView shipment : shipments.list(caller, null, PageQuery.of(0, SHIPMENT_CHOICES)).items()) {
            choices.put(shipment.id().toString(), shipment.trackingNumber().value() + " → "
                    + shipment.details().destinationAddress());
        }
        model.addAttribute("shipmentChoices", choices);
    }

    private static Caller caller() {
        return SignedIn.current().map(PageUser::caller)
                .orElseThrow(() -> new IllegalStateException("The portal's chain lets only signed-in sessions in"));
    }

    /** A ticket's id in a path; anything else names no ticket. */
    static UUID ticketId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("No ticket with this id.");
        }
    }

    private static UUID shipmentId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("No shipment with this id.");
        }
    }

    private static Integer rating(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("rating", "is required: choose from 1 to 5 stars");
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("rating", "must be a whole number from 1 to 5");
        }
    }

    /** Whether care runs in this process ({@link Services}): the same setting that scans its beans in or out. */
    static final class CareRuns implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Services.from(context.getEnvironment()).runs("care");
        }
    }
}
