package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.notifications.WebhookDelivery;
import io.waybill.notifications.WebhookService;
import io.waybill.security.AuditLogService;
import io.waybill.security.AuditQuery;
import io.waybill.security.AuditRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import io.waybill.reporting.DailyReport;
import io.waybill.reporting.ReportService;
import io.waybill.reporting.ReportTrend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' pages. The dashboard, {@code /admin}: today's figures and the last 30 days' as charts
 * (drawn by the page's script from the figures the page carries in a {@code data-} attribute) and as
 * tables; the figures come from the reporting module, which may not run in this process: then the
 * page has only its links. The audit log ({@code /admin/pages/audit}, the security module's), and the
 * webhooks with their delivery logs and a redeliver button ({@code /admin/pages/webhooks}, the
 * notifications module's). Admins only, as for the API; anyone else gets the 403 page. The API's own
 * {@code /admin/...} routes are not here: the pages answer {@code /admin} and {@code /admin/pages/**}.
 */
@Controller
@Hidden
class AdminPages {

    /** The dashboard's period, today included. */
    static final int TREND_DAYS = 30;

    private final ObjectProvider<ReportService> reports;
    private final JsonMapper json;
    private final AuditLogService audit;
    private final WebhookService webhooks;

    AdminPages(ObjectProvider<ReportService> reports, JsonMapper json, AuditLogService audit, WebhookService webhooks) {
        this.reports = reports;
        this.json = json;
        this.audit = audit;
        this.webhooks = webhooks;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        admin();
        ReportService reporting = reports.getIfAvailable();
        if (reporting != null) {
            DailyReport today = reporting.daily(null);
            ReportTrend trend = reporting.trend(today.date(), TREND_DAYS);
            model.addAttribute("today", today);
            model.addAttribute("todayFigures", trend.days().get(trend.days().size() - 1).figures());
            model.addAttribute("trend", trend);
            model.addAttribute("trendJson", json.writeValueAsString(trend));
        }
        return "web/admin/dashboard";
    }

    @GetMapping("/admin/pages/audit")
    String audit(@RequestParam(name = "actor_id", required = false) String actorId,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        Caller caller = admin();
        AuditQuery query = AuditQuery.of(actor(actorId), kind, action, instant("from", from), instant("to", to));
        Page<AuditRecord> entries = audit.read(caller, query, PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("actor_id", blankIsNull(actorId));
        filter.put("kind", blankIsNull(kind));
        filter.put("action", blankIsNull(action));
        filter.put("from", blankIsNull(from));
        filter.put("to", blankIsNull(to));
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries);
        model.addAttribute("hasNext", hasNext(entries));
        return "web/admin/audit";
    }

    @GetMapping("/admin/pages/webhooks")
    String webhooks(@RequestParam(name = "page", required = false) Integer page, Model model) {
        Page<WebhookService.Subscription> listed = webhooks.list(admin(), PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("webhooks", listed);
        model.addAttribute("hasNext", hasNext(listed));
        return "web/admin/webhooks";
    }

    @GetMapping("/admin/pages/webhooks/{id}")
    String webhook(@PathVariable UUID id, @RequestParam(name = "page", required = false) Integer page, Model model) {
        Page<WebhookDelivery> deliveries = webhooks.deliveries(admin(), id, PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("webhookId", id);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("hasNext", hasNext(deliveries));
        return "web/admin/webhook";
    }

    @PostMapping("/admin/pages/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        webhooks.redeliver(admin(), id, deliveryId);
        redirect.addFlashAttribute("notice", "admin.webhook.redelivered");
        return "redirect:/admin/pages/webhooks/" + id;
    }

    /** Whether another page follows this one. */
    static boolean hasNext(Page<?> page) {
        return (long) (page.page() + 1) * page.size() < page.total();
    }

    private static UUID actor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new BadParameterException("actor_id", "must be an account's id (a UUID)");
        }
    }

    /** A time as the form's datetime-local field sends it, read in UTC; an ISO instant is taken as well. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value.strip())
                    : LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            throw new BadParameterException(name, "must be a date and time, e.g. 2026-12-01T09:30");
        }
    }

    static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The signed-in admin; anyone else is refused, as the API refuses them. */
    static Caller admin() {
        Caller caller = SignedIn.current().map(PageUser::caller)
                .orElseThrow(() -> new IllegalStateException("The admin pages' chain lets only signed-in sessions in"));
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only an admin may open the admin pages.");
        }
        return caller;
    }
}
