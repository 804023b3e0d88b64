package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.care.Feedback;
import io.waybill.care.FeedbackService;
import io.waybill.care.Ticket;
import io.waybill.care.TicketCategory;
import io.waybill.care.TicketService;
import io.waybill.care.TicketStatus;
import io.waybill.care.Tickets;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Support tickets as staff answer them, over the care module's services: the tickets (by status,
 * category and age), one ticket's conversation with a reply form and the status moves the ticket
 * allows, and the poor delivery ratings. The care module decides who is staff on a ticket: admins,
 * and the agent assigned to the ticket's shipment, who may open and answer it here too; a ticket
 * the caller does not see is not found. Customers are refused, and so are agents on the ratings.
 * Like {@link CarePages}, these pages exist only where care runs.
 */
@Controller
@Hidden
@Conditional(CarePages.CareRuns.class)
class SupportPages {

    /** Ratings of this many stars or fewer are the poor ones the ratings page lists. */
    static final int POOR_RATING = 2;

    /** The ages the list may be filtered by: opened longer ago than this (ISO-8601, as the service reads it). */
    static final List<String> AGES = List.of("PT12H", "P1D", "P2D", "P7D");

    private final TicketService tickets;
    private final FeedbackService feedback;
    private final ShipmentPage shipmentPage;

    SupportPages(TicketService tickets, FeedbackService feedback, ShipmentPage shipmentPage) {
        this.tickets = tickets;
        this.feedback = feedback;
        this.shipmentPage = shipmentPage;
    }

    @GetMapping("/admin/pages/tickets")
    String list(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "older_than", required = false) String olderThan,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("status", AdminPages.blankIsNull(status));
        filter.put("category", AdminPages.blankIsNull(category));
        filter.put("older_than", AdminPages.blankIsNull(olderThan));
        Page<Tickets.TicketSummary> listed = tickets.list(staff(), filter.get("status"), filter.get("category"),
                filter.get("older_than"), PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("tickets", listed);
        model.addAttribute("hasNext", AdminPages.hasNext(listed));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", List.of(TicketStatus.values()).stream().map(TicketStatus::wireName).toList());
        model.addAttribute("categories",
                List.of(TicketCategory.values()).stream().map(TicketCategory::wireName).toList());
        model.addAttribute("ages", AGES);
        return "web/admin/tickets";
    }

    @GetMapping("/admin/pages/tickets/{id}")
    String ticket(@PathVariable String id, Model model) {
        fillTicket(staff(), CarePages.ticketId(id), model);
        FormErrors.empty(model);
        return "web/admin/ticket";
    }

    @PostMapping("/admin/pages/tickets/{id}/messages")
    String reply(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = staff();
        UUID ticket = CarePages.ticketId(id);
        return SentForm.of(form, model, response).answer(() -> {
            tickets.reply(caller, ticket, form.get("message"));
            redirect.addFlashAttribute("notice", "admin.ticket.replied");
            return "redirect:/admin/pages/tickets/" + ticket;
        }, "web/admin/ticket", () -> fillTicket(caller, ticket, model));
    }

    /** A move the ticket allows; any other (a closed ticket, an unknown status) is shown beside the choice. */
    @PostMapping("/admin/pages/tickets/{id}/status")
    String changeStatus(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = staff();
        UUID ticket = CarePages.ticketId(id);
        return SentForm.of(form, model, response).above("status")
                .except(NotFoundException.class, ForbiddenException.class)
                .answer(RefusalException.class, () -> {
                    tickets.changeStatus(caller, ticket, form.get("status"));
                    redirect.addFlashAttribute("notice", "admin.ticket.moved");
                    return "redirect:/admin/pages/tickets/" + ticket;
                }, "web/admin/ticket", () -> {
                    fillTicket(caller, ticket, model);
                    model.addAttribute("form", Map.of());
                });
    }

    /** The poor ratings, newest change first: for admins, as {@code GET /admin/feedback?max_rating=2}. */
    @GetMapping("/admin/pages/feedback")
    String poorRatings(@RequestParam(name = "page", required = false) Integer page, Model model) {
        AdminPages.admin();
        Page<Feedback> rated = feedback.rated(POOR_RATING, PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("ratings", rated);
        model.addAttribute("hasNext", AdminPages.hasNext(rated));
        model.addAttribute("poor", POOR_RATING);
        return "web/admin/feedback";
    }

    private void fillTicket(Caller caller, UUID id, Model model) {
        Ticket ticket = tickets.ticket(caller, id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("open", ticket.status() != TicketStatus.CLOSED);
        model.addAttribute("moves", ticket.status().next().stream().sorted().map(TicketStatus::wireName).toList());
        model.addAttribute("shipment", ticket.shipmentId() == null ? null
                : shipmentPage.visible(caller, ticket.shipmentId()));
    }

    /** Admins and delivery agents; the care module then says which tickets an agent answers. */
    private static Caller staff() {
        Caller caller = SignedIn.current().map(PageUser::caller)
                .orElseThrow(() -> new IllegalStateException("The admin pages' chain lets only signed-in sessions in"));
        if (!caller.isAdmin() && !caller.isAgent()) {
            throw new ForbiddenException("Only support staff may open these pages.");
        }
        return caller;
    }
}
