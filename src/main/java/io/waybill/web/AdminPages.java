package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.reporting.DailyReport;
import io.waybill.reporting.ReportService;
import io.waybill.reporting.ReportTrend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' dashboard, {@code /admin}: today's figures and the last 30 days' as charts (drawn by
 * the page's script from the figures the page carries in a {@code data-} attribute) and as tables.
 * The figures come from the reporting module, which may not run in this process: then the page
 * has only its links. Admins only, like {@code GET /admin/reports}; anyone else gets the 403 page.
 */
@Controller
@Hidden
class AdminPages {

    /** The dashboard's period, today included. */
    static final int TREND_DAYS = 30;

    private final ObjectProvider<ReportService> reports;
    private final JsonMapper json;

    AdminPages(ObjectProvider<ReportService> reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
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
