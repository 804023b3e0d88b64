package io.waybill.reporting.persistence;

import io.waybill.reporting.HubNames;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHubNames implements HubNames {

    private final JdbcClient jdbc;

    JdbcHubNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID hubId, String hubName, String city, Instant asOf) {
        // A hub.updated may come before its hub.created (another topic): until then, the earliest
        // state seen stands for when the hub was created, which orders it among the others.
        jdbc.sql("""
                insert into reporting.hubs (hub_id, hub_name, city, created_at, as_of) values (?, ?, ?, ?, ?)
                on conflict (hub_id) do update set
                    hub_name = case when hubs.as_of < excluded.as_of then excluded.hub_name else hubs.hub_name end,
                    city = case when hubs.as_of < excluded.as_of then excluded.city else hubs.city end,
                    as_of = greatest(hubs.as_of, excluded.as_of),
                    created_at = least(hubs.created_at, excluded.created_at)
                where hubs.deleted_at is null""")
                .params(hubId, hubName, city, Timestamp.from(asOf), Timestamp.from(asOf))
                .update();
    }

    @Override
    public void remove(UUID hubId, Instant removedAt) {
        jdbc.sql("""
                insert into reporting.hubs (hub_id, created_at, deleted_at, as_of) values (?, ?, ?, ?)
                on conflict (hub_id) do update set deleted_at = coalesce(hubs.deleted_at, excluded.deleted_at),
                    as_of = greatest(hubs.as_of, excluded.as_of)""")
                .params(hubId, Timestamp.from(removedAt), Timestamp.from(removedAt), Timestamp.from(removedAt))
                .update();
    }

    @Override
    public List<Named> live() {
        return jdbc.sql("""
                select hub_id, hub_name, city from reporting.hubs where deleted_at is null
                order by created_at, hub_id""")
                .query((rs, n) -> new Named(rs.getObject("hub_id", UUID.class), rs.getString("hub_name"),
                        rs.getString("city")))
                .list();
    }
}
