package io.waybill.shipments.persistence;

import io.waybill.kernel.TenantContext;
import io.waybill.kernel.TenantSnapshots;
import io.waybill.shipments.HubPlace;
import io.waybill.shipments.NetworkCopy;
import io.waybill.shipments.TransitLane;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The copy of lanes and hubs (names, cities, zones) in PostgreSQL (schema {@code shipments}), written
 * only from the network's events. Every booking and every status change reads the lanes or the hubs,
 * which change a few times a day: they are kept in memory per tenant, read again after each write
 * this instance commits and at most {@link #FRESH_FOR} after another instance's.
 */
@Repository
class JdbcNetworkCopy implements NetworkCopy {

    /** How long a tenant's lanes and hubs are used before they are read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** A tenant's lanes and hubs, read together. */
    private record Snapshot(List<TransitLane> lanes, List<HubPlace> hubs) {
    }

    private static final Snapshot NONE = new Snapshot(List.of(), List.of());

    private final JdbcClient jdbc;
    private final TenantSnapshots<Snapshot> snapshots;

    JdbcNetworkCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.snapshots = new TenantSnapshots<>(FRESH_FOR,
                () -> new Snapshot(List.copyOf(readLanes()), List.copyOf(readHubs())));
    }

    @Override
    public List<TransitLane> lanes() {
        return snapshot().lanes();
    }

    @Override
    public List<HubPlace> hubs() {
        return snapshot().hubs();
    }

    private Snapshot snapshot() {
        // Work of no tenant sees no row (fail closed), and reads none.
        return TenantContext.current().isEmpty() ? NONE : snapshots.current();
    }

    /** The writing tenant's snapshot is read again now and once more when the writing transaction has ended. */
    private void changed() {
        snapshots.invalidateCurrent();
    }

    private List<TransitLane> readLanes() {
        return jdbc.sql("""
                select origin_city, destination_city, standard_transit_days, express_transit_days
                from shipments.network_lanes where deleted_at is null""")
                .query((rs, n) -> new TransitLane(rs.getString("origin_city"), rs.getString("destination_city"),
                        rs.getInt("standard_transit_days"), rs.getInt("express_transit_days")))
                .list();
    }

    private List<HubPlace> readHubs() {
        return jdbc.sql("""
                select hub_id, hub_name, city, time_zone from shipments.network_hubs
                where deleted_at is null""")
                .query(JdbcNetworkCopy::hubPlace)
                .list();
    }

    @Override
    public Optional<HubPlace> hub(UUID hubId) {
        return jdbc.sql("""
                select hub_id, hub_name, city, time_zone from shipments.network_hubs
                where hub_id = ? and city is not null""")
                .param(hubId)
                .query(JdbcNetworkCopy::hubPlace)
                .optional();
    }

    private static HubPlace hubPlace(ResultSet rs, int row) throws SQLException {
        return new HubPlace(rs.getObject("hub_id", UUID.class), rs.getString("hub_name"), rs.getString("city"),
                rs.getString("time_zone"));
    }

    @Override
    public void storeLane(UUID laneId, TransitLane lane, Instant asOf) {
        jdbc.sql("""
                insert into shipments.network_lanes (lane_id, origin_city, destination_city, standard_transit_days,
                    express_transit_days, as_of) values (?, ?, ?, ?, ?, ?)
                on conflict (lane_id) do update set
                    origin_city = excluded.origin_city, destination_city = excluded.destination_city,
                    standard_transit_days = excluded.standard_transit_days,
                    express_transit_days = excluded.express_transit_days, as_of = excluded.as_of
                where network_lanes.deleted_at is null and network_lanes.as_of < excluded.as_of""")
                .params(laneId, lane.originCity(), lane.destinationCity(), lane.standardTransitDays(),
                        lane.expressTransitDays(), Timestamp.from(asOf))
                .update();
        changed();
    }

    @Override
    public void removeLane(UUID laneId, Instant removedAt) {
        jdbc.sql("""
                insert into shipments.network_lanes (lane_id, deleted_at, as_of) values (?, ?, ?)
                on conflict (lane_id) do update set deleted_at = coalesce(network_lanes.deleted_at, excluded.deleted_at),
                    as_of = greatest(network_lanes.as_of, excluded.as_of)""")
                .params(laneId, Timestamp.from(removedAt), Timestamp.from(removedAt))
                .update();
        changed();
    }

    @Override
    public void storeHub(UUID hubId, String hubName, String city, String timeZone, Instant asOf) {
        jdbc.sql("""
                insert into shipments.network_hubs (hub_id, hub_name, city, time_zone, as_of) values (?, ?, ?, ?, ?)
                on conflict (hub_id) do update set hub_name = excluded.hub_name,
                    city = excluded.city, time_zone = excluded.time_zone, as_of = excluded.as_of
                where network_hubs.deleted_at is null and network_hubs.as_of < excluded.as_of""")
                .params(hubId, hubName, city, timeZone, Timestamp.from(asOf))
                .update();
        changed();
    }

    @Override
    public void removeHub(UUID hubId, Instant removedAt) {
        jdbc.sql("""
                insert into shipments.network_hubs (hub_id, deleted_at, as_of) values (?, ?, ?)
                on conflict (hub_id) do update set deleted_at = coalesce(network_hubs.deleted_at, excluded.deleted_at),
                    as_of = greatest(network_hubs.as_of, excluded.as_of)""")
                .params(hubId, Timestamp.from(removedAt), Timestamp.from(removedAt))
                .update();
        changed();
    }
}
