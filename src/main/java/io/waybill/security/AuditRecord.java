package io.waybill.security;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of the audit log as admins read it: who (account, role and credential: {@code bearer} or
 * {@code api-key wbk_...}), what (method, path, the status it got), when and from where.
 *
 * @param kind {@code admin_action} or {@code refusal}
 */
public record AuditRecord(long id, Instant occurredAt, String kind, UUID actorId, String actorRole, String credential,
        String method, String path, int status, String clientAddress, String userAgent) {
}
