package io.waybill.shipments.persistence;

import io.waybill.shipments.AgentLocation;
import io.waybill.shipments.AgentLocations;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The copy of the agents' latest positions, table {@code shipments.agent_locations}. */
@Repository
class JdbcKnownAgentLocations implements AgentLocations {

    private final JdbcClient jdbc;

    JdbcKnownAgentLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgentLocation> latest(UUID agentId) {
        return jdbc.sql("""
                select latitude, longitude, accuracy_m, recorded_at from shipments.agent_locations
                where agent_id = ?""")
                .param(agentId)
                .query((rs, n) -> new AgentLocation(rs.getDouble("latitude"), rs.getDouble("longitude"),
                        rs.getObject("accuracy_m", Double.class), rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    @Override
    public void record(UUID agentId, AgentLocation location) {
        jdbc.sql("""
                insert into shipments.agent_locations (agent_id, latitude, longitude, accuracy_m, recorded_at)
                values (?, ?, ?, ?, ?)
                on conflict (agent_id) do update
                set latitude = excluded.latitude, longitude = excluded.longitude, accuracy_m = excluded.accuracy_m,
                    recorded_at = excluded.recorded_at
                where shipments.agent_locations.recorded_at < excluded.recorded_at""")
                .params(agentId, location.lat(), location.lon(), location.accuracyM(),
                        Timestamp.from(location.recordedAt()))
                .update();
    }
}
