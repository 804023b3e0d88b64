package io.waybill.notifications.persistence;

import io.waybill.kernel.TenantSnapshots;
import io.waybill.notifications.Channel;
import io.waybill.notifications.TemplateOverride;
import io.waybill.notifications.TemplateOverrides;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code notifications.template_overrides}: the connection's tenant's rows only (row-level security).
 * Every notification sent looks for its tenant's text: a tenant's whole set is kept in memory and read
 * again at most {@link #FRESH_FOR} after another instance's change, at once after this one's.
 */
@Repository
class JdbcTemplateOverrides implements TemplateOverrides {

    /** How long a tenant's texts are used before they are read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    /** Per tenant, its texts by kind and channel ({@code "delivered.sms"}). */
    private final TenantSnapshots<Map<String, String>> texts;

    JdbcTemplateOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.texts = new TenantSnapshots<>(FRESH_FOR, this::readTexts);
    }

    @Override
    public Optional<String> find(String kind, Channel channel) {
        return Optional.ofNullable(texts.current().get(key(kind, channel.wireName())));
    }

    private Map<String, String> readTexts() {
        Map<String, String> read = new HashMap<>();
        jdbc.sql("select kind, channel, template from notifications.template_overrides")
                .query(rs -> {
                    read.put(key(rs.getString("kind"), rs.getString("channel")), rs.getString("template"));
                });
        return Map.copyOf(read);
    }

    private static String key(String kind, String channel) {
        return kind + "." + channel;
    }

    @Override
    public List<TemplateOverride> list() {
        return jdbc.sql("select * from notifications.template_overrides order by kind, channel")
                .query((rs, row) -> new TemplateOverride(rs.getString("kind"), Channel.fromWire(rs.getString("channel")),
                        rs.getString("template"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    @Override
    public void store(TemplateOverride override) {
        jdbc.sql("""
                insert into notifications.template_overrides (kind, channel, template, changed_at) values (?, ?, ?, ?)
                on conflict (tenant_id, kind, channel) do update set template = excluded.template,
                    changed_at = excluded.changed_at""")
                .params(override.kind(), override.channel().wireName(), override.template(),
                        Timestamp.from(override.changedAt()))
                .update();
        texts.invalidateCurrent();
    }

    @Override
    public boolean remove(String kind, Channel channel) {
        boolean removed = jdbc.sql("delete from notifications.template_overrides where kind = ? and channel = ?")
                .params(kind, channel.wireName()).update() > 0;
        texts.invalidateCurrent();
        return removed;
    }
}
