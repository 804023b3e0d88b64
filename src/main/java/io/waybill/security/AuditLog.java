package io.waybill.security;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;

/** The audit log's read side: the entries a query selects, newest first. */
public interface AuditLog {

    Page<AuditRecord> find(AuditQuery query, PageQuery page);
}
