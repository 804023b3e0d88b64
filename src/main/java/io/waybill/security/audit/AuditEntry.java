package io.waybill.security.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log: who (account, role, and the credential used: a bearer token or which
 * API key), what (method and path, and the status it got), when, and from where.
 */
record AuditEntry(Instant occurredAt, Kind kind, UUID actorId, String actorRole, String credential, String method,
        String path, int status, String clientAddress, String userAgent) {

    enum Kind {
        ADMIN_ACTION, REFUSAL, SIGN_IN;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
