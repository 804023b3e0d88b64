package io.waybill.notifications.persistence;

import io.waybill.notifications.Channel;
import io.waybill.notifications.TemplateOverride;
import io.waybill.notifications.TemplateOverrides;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code notifications.template_overrides}: the connection's tenant's rows only (row-level security). */
@Repository
class JdbcTemplateOverrides implements TemplateOverrides {

    private final JdbcClient jdbc;

    JdbcTemplateOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> find(String kind, Channel channel) {
        return jdbc.sql("select template from notifications.template_overrides where kind = ? and channel = ?")
                .params(kind, channel.wireName()).query(String.class).optional();
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
    }

    @Override
    public boolean remove(String kind, Channel channel) {
        return jdbc.sql("delete from notifications.template_overrides where kind = ? and channel = ?")
                .params(kind, channel.wireName()).update() > 0;
    }
}
