package io.waybill.security;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import org.springframework.stereotype.Service;

/** Reading the audit log: admins only, for the API ({@code GET /admin/audit}) and the admin pages alike. */
@Service
public class AuditLogService {

    private final AuditLog log;

    AuditLogService(AuditLog log) {
        this.log = log;
    }

    public Page<AuditRecord> read(Caller caller, AuditQuery query, PageQuery page) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only an admin may read the audit log.");
        }
        return log.find(query, page);
    }
}
