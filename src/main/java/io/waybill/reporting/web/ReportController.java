package io.waybill.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.reporting.DailyReport;
import io.waybill.reporting.ReportService;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/admin/reports")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The day's figures", description = "date is YYYY-MM-DD in UTC, today by default. "
            + "total_shipments_today counts bookings that day; each status figure counts the distinct shipments "
            + "that entered or were scanned in that status that day; by_hub counts per origin hub. support: tickets opened that day and the first-response time "
            + "(average, 90th percentile, in hours) of the tickets first answered that day. agent_ratings: each "
            + "agent's average delivery rating and number of ratings, as they stand now.")
    DailyReport daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reports.daily(date);
    }
}
