package io.waybill.notifications.persistence;

import io.waybill.notifications.Webhook;
import io.waybill.notifications.WebhookDelivery;
import io.waybill.notifications.WebhookStore;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhookStore implements WebhookStore {

    private static final String HOOK = "id, owner_id, url, events, secret, active, created_at, disabled_at, "
            + "disabled_reason";
    private static final String DELIVERY = "id, webhook_id, event_id, event_type, body, status, attempts, "
            + "next_attempt_at, created_at, delivered_at, last_status_code, last_error";

    private final JdbcClient jdbc;

    JdbcWebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Webhook w) {
        jdbc.sql("insert into notifications.webhooks (" + HOOK + ") values (?, ?, ?, ?, ?, ?, ?, null, null)")
                .params(w.id(), w.ownerId(), w.url(), w.events().toArray(String[]::new), w.secret(), w.active(),
                        Timestamp.from(w.createdAt()))
                .update();
    }

    @Override
    public int countActiveLockingOwner(UUID ownerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('notifications.webhooks:' || ?, 0))")
                .param(ownerId.toString()).query((rs, n) -> 0).list();
        return jdbc.sql("select count(*) from notifications.webhooks where owner_id = ? and active").param(ownerId)
                .query(Integer.class).single();
    }

    @Override
    public Optional<Webhook> find(UUID id) {
        return jdbc.sql("select " + HOOK + " from notifications.webhooks where id = ?").param(id)
                .query(JdbcWebhookStore::hook).optional();
    }

    @Override
    public Page<Webhook> list(UUID owner, PageQuery page) {
        String where = owner == null ? "" : " where owner_id = :owner";
        List<Webhook> items = jdbc.sql("select " + HOOK + " from notifications.webhooks" + where
                + " order by created_at desc, id limit :limit offset :offset")
                .param("owner", owner).param("limit", page.size()).param("offset", page.offset())
                .query(JdbcWebhookStore::hook).list();
        long total = jdbc.sql("select count(*) from notifications.webhooks" + where).param("owner", owner)
                .query(Long.class).single();
        return Page.of(items, page, total);
    }

    @Override
    public List<Webhook> activeFor(String eventType) {
        return jdbc.sql("select " + HOOK + " from notifications.webhooks where active and ? = any(events)")
                .param(eventType).query(JdbcWebhookStore::hook).list();
    }

    @Override
    public void delete(UUID id) {
        jdbc.sql("delete from notifications.webhooks where id = ?").param(id).update();
    }

    @Override
    public void disable(UUID id, Instant at, String reason) {
        jdbc.sql("update notifications.webhooks set active = false, disabled_at = ?, disabled_reason = ? "
                + "where id = ? and active").params(Timestamp.from(at), reason, id).update();
    }

    @Override
    public void disableAllOf(UUID ownerId, Instant at, String reason) {
        jdbc.sql("update notifications.webhooks set active = false, disabled_at = ?, disabled_reason = ? "
                + "where owner_id = ? and active").params(Timestamp.from(at), reason, ownerId).update();
        jdbc.sql("update notifications.webhook_deliveries set status = 'cancelled', last_error = ? "
                + "where status = 'pending' and webhook_id in (select id from notifications.webhooks where owner_id = ?)")
                .params(reason, ownerId).update();
    }

    @Override
    public void addDelivery(WebhookDelivery d) {
        jdbc.sql("insert into notifications.webhook_deliveries (" + DELIVERY + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "null, null, null) on conflict (webhook_id, event_id) do nothing")
                .params(d.id(), d.webhookId(), d.eventId(), d.eventType(), d.body(), d.status(), d.attempts(),
                        Timestamp.from(d.nextAttemptAt()), Timestamp.from(d.createdAt()))
                .update();
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(UUID webhookId, UUID deliveryId) {
        return jdbc.sql("select " + DELIVERY + " from notifications.webhook_deliveries where webhook_id = ? and id = ?")
                .params(webhookId, deliveryId).query(JdbcWebhookStore::delivery).optional();
    }

    @Override
    public Page<WebhookDelivery> deliveries(UUID webhookId, PageQuery page) {
        List<WebhookDelivery> items = jdbc.sql("select " + DELIVERY + " from notifications.webhook_deliveries "
                + "where webhook_id = ? order by created_at desc, id limit ? offset ?")
                .params(webhookId, page.size(), page.offset()).query(JdbcWebhookStore::delivery).list();
        long total = jdbc.sql("select count(*) from notifications.webhook_deliveries where webhook_id = ?")
                .param(webhookId).query(Long.class).single();
        return Page.of(items, page, total);
    }

    @Override
    public List<UUID> tenantsWithDueDeliveries(Instant now) {
        return jdbc.sql("select * from notifications.tenants_with_due_deliveries(?)").param(Timestamp.from(now))
                .query(UUID.class).list();
    }

    @Override
    public List<WebhookDelivery> claimDueDeliveries(Instant now, Instant leaseEnd, int limit) {
        // The outer conditions are checked again on the locked row, so two instances that picked the
        // same delivery cannot both claim it.
        return jdbc.sql("""
                update notifications.webhook_deliveries d set leased_until = :lease_end, next_attempt_at = :lease_end
                where d.status = 'pending' and d.next_attempt_at <= :now and d.id in (
                    select id from (
                        select distinct on (c.webhook_id) c.id, c.next_attempt_at
                        from notifications.webhook_deliveries c
                        where c.status = 'pending' and c.next_attempt_at <= :now
                          and not exists (select 1 from notifications.webhook_deliveries f
                                          where f.webhook_id = c.webhook_id and f.status = 'pending'
                                            and f.leased_until > :now)
                        order by c.webhook_id, c.next_attempt_at) first_per_webhook
                    order by next_attempt_at limit :limit)
                returning\s""" + DELIVERY)
                .param("now", Timestamp.from(now)).param("lease_end", Timestamp.from(leaseEnd)).param("limit", limit)
                .query(JdbcWebhookStore::delivery).list();
    }

    @Override
    public void markDelivered(UUID id, int attempts, int statusCode, Instant at) {
        jdbc.sql("update notifications.webhook_deliveries set status = 'delivered', attempts = ?, delivered_at = ?, "
                + "last_status_code = ?, last_error = null, leased_until = null where id = ?")
                .params(attempts, Timestamp.from(at), statusCode, id).update();
    }

    @Override
    public void markRetry(UUID id, int attempts, Integer statusCode, String error, Instant nextAttemptAt) {
        jdbc.sql("update notifications.webhook_deliveries set attempts = ?, last_status_code = ?, last_error = ?, "
                + "next_attempt_at = ?, leased_until = null where id = ?")
                .params(attempts, statusCode, error, Timestamp.from(nextAttemptAt), id).update();
    }

    @Override
    public void markFailed(UUID id, int attempts, Integer statusCode, String error) {
        jdbc.sql("update notifications.webhook_deliveries set status = 'failed', attempts = ?, last_status_code = ?, "
                + "last_error = ?, leased_until = null where id = ?").params(attempts, statusCode, error, id).update();
    }

    @Override
    public void markCancelled(UUID id, String reason) {
        jdbc.sql("update notifications.webhook_deliveries set status = 'cancelled', last_error = ?, leased_until = null "
                + "where id = ?")
                .params(reason, id).update();
    }

    @Override
    public void redeliver(UUID id, Instant now) {
        jdbc.sql("update notifications.webhook_deliveries set status = 'pending', next_attempt_at = ?, created_at = ?, "
                + "leased_until = null where id = ?").params(Timestamp.from(now), Timestamp.from(now), id).update();
    }

    private static Webhook hook(ResultSet rs, int n) throws SQLException {
        Array events = rs.getArray("events");
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new Webhook(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getString("secret"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), disabled == null ? null : disabled.toInstant(),
                rs.getString("disabled_reason"));
    }

    private static WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        int code = rs.getInt("last_status_code");
        Integer lastStatusCode = rs.wasNull() ? null : code;
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("body"),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant(),
                lastStatusCode, rs.getString("last_error"));
    }
}
