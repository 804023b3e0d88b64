package io.waybill.security.audit;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log ({@code audit.events}): appended to, never changed. */
@Repository
class JdbcAuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(AuditEntry entry) {
        jdbc.sql("""
                insert into audit.events (occurred_at, kind, actor_id, actor_role, credential, method, path, status,
                                          client_address, user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(entry.occurredAt()), entry.kind().wireName(), entry.actorId(),
                        entry.actorRole(), entry.credential(), entry.method(), entry.path(), entry.status(),
                        entry.clientAddress(), entry.userAgent())
                .update();
    }
}
