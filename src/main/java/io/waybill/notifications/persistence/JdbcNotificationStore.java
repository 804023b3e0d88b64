package io.waybill.notifications.persistence;

import io.waybill.notifications.Channel;
import io.waybill.notifications.Notification;
import io.waybill.notifications.NotificationPreferences;
import io.waybill.notifications.NotificationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcNotificationStore implements NotificationStore {

    private static final String COLUMNS = "id, event_id, user_id, channel, kind, recipient, subject, body, status, "
            + "attempts, next_attempt_at, template_values";
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcNotificationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void add(Notification n) {
        jdbc.sql("insert into notifications.notifications (" + COLUMNS + ", created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (event_id, channel) do nothing")
                .params(n.id(), n.eventId(), n.userId(), n.channel().wireName(), n.kind(), n.recipient(), n.subject(),
                        n.body(), n.status(), n.attempts(), Timestamp.from(n.nextAttemptAt()),
                        n.values() == null ? null : json.writeValueAsString(n.values()),
                        Timestamp.from(n.nextAttemptAt()))
                .update();
    }

    @Override
    public List<UUID> tenantsWithDue(Instant now) {
        return jdbc.sql("select * from notifications.tenants_with_due_notifications(?)").param(Timestamp.from(now))
                .query(UUID.class).list();
    }

    @Override
    public List<Notification> claimDue(Instant now, Instant leaseEnd, int limit) {
        // Only the oldest pending notification of each recipient and channel can be claimed, so that
        // a customer's messages arrive in the order of the events, and a recipient whose provider
        // fails holds up only their own. A claimed one stays the oldest until it is recorded. A reply
        // to a WhatsApp message from someone without an account queues by the number it answers.
        return jdbc.sql("""
                update notifications.notifications set next_attempt_at = :lease_end
                where status = 'pending' and next_attempt_at <= :now and id in (
                    select id from (
                        select distinct on (coalesce(user_id::text, recipient), channel) id, next_attempt_at
                        from notifications.notifications where status = 'pending'
                        order by coalesce(user_id::text, recipient), channel, created_at, id) oldest
                    where next_attempt_at <= :now
                    order by next_attempt_at limit :limit)
                returning\s""" + COLUMNS)
                .param("now", Timestamp.from(now)).param("lease_end", Timestamp.from(leaseEnd)).param("limit", limit)
                .query(this::row).list();
    }

    @Override
    public void markSent(Notification sent, Instant at) {
        jdbc.sql("""
                update notifications.notifications set status = 'sent', attempts = attempts + 1, sent_at = ?,
                    last_error = null, recipient = ?, subject = ?, body = ?, template_values = null
                where id = ?""")
                .params(Timestamp.from(at), sent.recipient(), sent.subject(), sent.body(), sent.id()).update();
    }

    @Override
    public void markCancelled(UUID id, String reason) {
        jdbc.sql("update notifications.notifications set status = 'cancelled', last_error = ? where id = ?")
                .params(reason, id).update();
    }

    @Override
    public void markRetry(UUID id, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("update notifications.notifications set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, Timestamp.from(nextAttemptAt), error, id).update();
    }

    @Override
    public void markFailed(UUID id, int attempts, String error) {
        jdbc.sql("update notifications.notifications set status = 'failed', attempts = ?, last_error = ? where id = ?")
                .params(attempts, error, id).update();
    }

    @Override
    public List<Notification> forUser(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from notifications.notifications where user_id = ? order by created_at")
                .param(userId).query(this::row).list();
    }

    @Override
    public Optional<NotificationPreferences> preferences(UUID userId) {
        return jdbc.sql("select email, sms, whatsapp, push from notifications.preferences where user_id = ?")
                .param(userId)
                .query((rs, n) -> new NotificationPreferences(rs.getBoolean("email"), rs.getBoolean("sms"),
                        rs.getBoolean("whatsapp"), rs.getBoolean("push")))
                .optional();
    }

    @Override
    public void storePreferences(UUID userId, NotificationPreferences preferences, Instant at) {
        jdbc.sql("""
                insert into notifications.preferences (user_id, email, sms, whatsapp, push, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set email = excluded.email, sms = excluded.sms,
                whatsapp = excluded.whatsapp, push = excluded.push, updated_at = excluded.updated_at""")
                .params(userId, preferences.email(), preferences.sms(), preferences.whatsapp(), preferences.push(),
                        Timestamp.from(at)).update();
    }

    private Notification row(ResultSet rs, int n) throws SQLException {
        String values = rs.getString("template_values");
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getObject("user_id", UUID.class), Channel.fromWire(rs.getString("channel")), rs.getString("kind"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                values == null ? null : json.readValue(values, VALUES));
    }
}
