package io.waybill.shipments.persistence;

import io.waybill.shipments.KnownHubs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcKnownHubs implements KnownHubs {

    private final JdbcClient jdbc;

    JdbcKnownHubs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID hubId, String hubName, String city, Instant asOf) {
        jdbc.sql("""
                insert into shipments.hubs (hub_id, hub_name, city, as_of) values (?, ?, ?, ?)
                on conflict (hub_id) do update set hub_name = excluded.hub_name, city = excluded.city,
                    as_of = excluded.as_of
                where hubs.deleted_at is null and hubs.as_of < excluded.as_of""")
                .params(hubId, hubName, city, Timestamp.from(asOf))
                .update();
    }

    @Override
    public void remove(UUID hubId, Instant removedAt) {
        jdbc.sql("""
                insert into shipments.hubs (hub_id, deleted_at, as_of) values (?, ?, ?)
                on conflict (hub_id) do update set deleted_at = coalesce(hubs.deleted_at, excluded.deleted_at),
                    as_of = greatest(hubs.as_of, excluded.as_of)""")
                .params(hubId, Timestamp.from(removedAt), Timestamp.from(removedAt))
                .update();
    }

    @Override
    public Optional<Named> find(UUID hubId) {
        return jdbc.sql("select hub_name, city from shipments.hubs where hub_id = ? and hub_name is not null")
                .param(hubId)
                .query((rs, n) -> new Named(rs.getString("hub_name"), rs.getString("city")))
                .optional();
    }
}
