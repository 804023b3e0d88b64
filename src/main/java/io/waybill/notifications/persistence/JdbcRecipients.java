package io.waybill.notifications.persistence;

import io.waybill.kernel.Role;
import io.waybill.notifications.Recipient;
import io.waybill.notifications.Recipients;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRecipients implements Recipients {

    private final JdbcClient jdbc;

    JdbcRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Recipient> find(UUID userId) {
        return jdbc.sql("""
                select user_id, email, full_name, phone, role, email_verified, deleted_at, as_of
                from notifications.recipients where user_id = ?""").param(userId)
                .query((rs, n) -> new Recipient(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getString("full_name"), rs.getString("phone"),
                        Role.fromWire(rs.getString("role")).orElse(null), rs.getBoolean("email_verified"),
                        instant(rs.getTimestamp("deleted_at")), instant(rs.getTimestamp("as_of"))))
                .optional();
    }

    @Override
    public void store(Recipient state) {
        // Only a newer state replaces the row, and nothing replaces a tombstone.
        jdbc.sql("""
                insert into notifications.recipients
                    (user_id, email, full_name, phone, role, email_verified, deleted_at, as_of)
                values (?, ?, ?, ?, ?, ?, null, ?)
                on conflict (user_id) do update set email = excluded.email, full_name = excluded.full_name,
                    phone = excluded.phone, role = excluded.role, email_verified = excluded.email_verified,
                    as_of = excluded.as_of
                where recipients.deleted_at is null and recipients.as_of < excluded.as_of""")
                .params(state.userId(), state.email(), state.fullName(), state.phone(),
                        state.role() == null ? null : state.role().wireName(), state.emailVerified(),
                        Timestamp.from(state.asOf()))
                .update();
    }

    @Override
    public void tombstone(UUID userId, String role, Instant deletedAt) {
        jdbc.sql("""
                insert into notifications.recipients (user_id, role, deleted_at, as_of) values (?, ?, ?, ?)
                on conflict (user_id) do update set email = null, full_name = null, phone = null,
                    email_verified = false, deleted_at = coalesce(recipients.deleted_at, excluded.deleted_at),
                    as_of = greatest(recipients.as_of, excluded.as_of)""")
                .params(userId, role, Timestamp.from(deletedAt), Timestamp.from(deletedAt))
                .update();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
