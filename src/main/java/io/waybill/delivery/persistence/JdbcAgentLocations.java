package io.waybill.delivery.persistence;

import io.waybill.delivery.AgentLocations;
import io.waybill.delivery.AgentPosition;
import io.waybill.delivery.LocationPoint;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The points and latest positions in PostgreSQL, schema {@code delivery}. */
@Repository
class JdbcAgentLocations implements AgentLocations {

    private static final String POINT_COLUMNS = "latitude, longitude, accuracy_m, recorded_at";

    private final JdbcClient jdbc;

    JdbcAgentLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(UUID agentId, List<LocationPoint> points, Instant receivedAt) {
        // One statement for the whole batch: the points travel as arrays, unnested side by side.
        String[] times = new String[points.size()];
        Double[] lats = new Double[points.size()];
        Double[] lons = new Double[points.size()];
        Double[] accuracies = new Double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            LocationPoint point = points.get(i);
            times[i] = point.recordedAt().toString();
            lats[i] = point.lat();
            lons[i] = point.lon();
            accuracies[i] = point.accuracyM();
        }
        jdbc.sql("""
                insert into delivery.pings (agent_id, recorded_at, latitude, longitude, accuracy_m, received_at)
                select ?, t::timestamptz, lat, lon, acc, ?
                from unnest(?::text[], ?::float8[], ?::float8[], ?::float8[]) as p (t, lat, lon, acc)
                on conflict do nothing""")
                .params(agentId, Timestamp.from(receivedAt), times, lats, lons, accuracies)
                .update();
    }

    @Override
    public boolean advanceLatest(UUID agentId, LocationPoint point, Instant receivedAt) {
        return jdbc.sql("""
                insert into delivery.latest_positions (agent_id, recorded_at, latitude, longitude, accuracy_m,
                    received_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (agent_id) do update
                set recorded_at = excluded.recorded_at, latitude = excluded.latitude,
                    longitude = excluded.longitude, accuracy_m = excluded.accuracy_m,
                    received_at = excluded.received_at
                where delivery.latest_positions.recorded_at < excluded.recorded_at""")
                .params(agentId, Timestamp.from(point.recordedAt()), point.lat(), point.lon(), point.accuracyM(),
                        Timestamp.from(receivedAt))
                .update() > 0;
    }

    @Override
    public List<LocationPoint> trail(UUID agentId, Instant from, Instant to, int limit) {
        return jdbc.sql("select " + POINT_COLUMNS + """
                 from delivery.pings
                where agent_id = ? and recorded_at >= ? and recorded_at < ?
                order by recorded_at limit ?""")
                .params(agentId, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, n) -> point(rs))
                .list();
    }

    @Override
    public Page<AgentPosition> latestSince(Instant since, PageQuery page) {
        long total = jdbc.sql("select count(*) from delivery.latest_positions where recorded_at >= ?")
                .param(Timestamp.from(since)).query(Long.class).single();
        List<AgentPosition> items = jdbc.sql("select agent_id, received_at, " + POINT_COLUMNS + """
                 from delivery.latest_positions
                where recorded_at >= ?
                order by recorded_at desc, agent_id limit ? offset ?""")
                .params(Timestamp.from(since), page.size(), page.offset())
                .query((rs, n) -> new AgentPosition(rs.getObject("agent_id", UUID.class), point(rs),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        return Page.of(items, page, total);
    }

    @Override
    public List<UUID> tenantsWithPointsBefore(Instant before) {
        return jdbc.sql("select * from delivery.tenants_with_pings_before(?)").param(Timestamp.from(before))
                .query(UUID.class).list();
    }

    @Override
    public int deleteTakenBefore(Instant before, int limit) {
        // skip locked: instances running the job at once share the rows instead of queueing on them.
        return jdbc.sql("""
                delete from delivery.pings where ctid = any (array(
                    select ctid from delivery.pings where recorded_at < ? limit ? for update skip locked))""")
                .params(Timestamp.from(before), limit)
                .update();
    }

    private static LocationPoint point(ResultSet rs) throws SQLException {
        return new LocationPoint(rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getObject("accuracy_m", Double.class), rs.getTimestamp("recorded_at").toInstant());
    }
}
