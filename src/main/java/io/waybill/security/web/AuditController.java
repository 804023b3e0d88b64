package io.waybill.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.security.AuditLogService;
import io.waybill.security.AuditQuery;
import io.waybill.security.AuditRecord;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: audit log")
class AuditController {

    private final AuditLogService audit;

    AuditController(AuditLogService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The audit log, newest first", description = "Every admin action and every refusal (401, "
            + "403). Filters, each optional: actor_id (the account that acted), kind (admin_action or refusal), "
            + "action (a method, the start of a path, or both: DELETE /admin/users), from (included) and to "
            + "(excluded), ISO-8601 instants. 400 for a malformed filter or from not before to.")
    Page<AuditRecord> read(Caller caller, @RequestParam(name = "actor_id", required = false) UUID actorId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return audit.read(caller, AuditQuery.of(actorId, kind, action, from, to), PageQuery.of(page, size));
    }
}
