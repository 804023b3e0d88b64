package io.waybill.security.audit;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.security.AuditLog;
import io.waybill.security.AuditQuery;
import io.waybill.security.AuditRecord;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log ({@code audit.events}): appended to, never changed; read newest first. */
@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry. One that records a change (an admin's write, a sign-in) is committed as every
     * write is: flushed to disk before the answer leaves. One that records what changed nothing (an
     * admin's read, a refusal) is committed without waiting for that flush
     * ({@code synchronous_commit = off} for its own transaction only): it costs the request a tenth
     * of the time, and a crash of the database server may lose the last fraction of a second of such
     * entries (at most three {@code wal_writer_delay}s, 0.6 s by default), never a change's entry and
     * never anything else.
     */
    void append(AuditEntry entry, boolean recordsAChange) {
        jdbc.sql(recordsAChange ? """
                insert into audit.events (occurred_at, kind, actor_id, actor_role, credential, method, path, status,
                                          client_address, user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" : """
                with relaxed as (select set_config('synchronous_commit', 'off', true))
                insert into audit.events (occurred_at, kind, actor_id, actor_role, credential, method, path, status,
                                          client_address, user_agent)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from relaxed""")
                .params(Timestamp.from(entry.occurredAt()), entry.kind().wireName(), entry.actorId(),
                        entry.actorRole(), entry.credential(), entry.method(), entry.path(), entry.status(),
                        entry.clientAddress(), entry.userAgent())
                .update();
    }

    @Override
    public Page<AuditRecord> find(AuditQuery query, PageQuery page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.actorId() != null) {
            where.append(" and actor_id = ?");
            params.add(query.actorId());
        }
        if (query.kind() != null) {
            where.append(" and kind = ?");
            params.add(query.kind());
        }
        if (query.method() != null) {
            where.append(" and method = ?");
            params.add(query.method());
        }
        if (query.pathPrefix() != null) {
            where.append(" and path like ? escape '\\'");
            params.add(query.pathPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        long total = jdbc.sql("select count(*) from audit.events" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<AuditRecord> items = jdbc.sql("""
                select id, occurred_at, kind, actor_id, actor_role, credential, method, path, status, client_address,
                       user_agent
                from audit.events""" + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"), rs.getObject("actor_id", UUID.class), rs.getString("actor_role"),
                        rs.getString("credential"), rs.getString("method"), rs.getString("path"), rs.getInt("status"),
                        rs.getString("client_address"), rs.getString("user_agent")))
                .list();
        return Page.of(items, page, total);
    }
}
