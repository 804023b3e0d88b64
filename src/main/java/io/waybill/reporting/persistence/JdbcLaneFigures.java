package io.waybill.reporting.persistence;

import io.waybill.reporting.BagArrival;
import io.waybill.reporting.LaneFigures;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-lane figures in PostgreSQL, {@code reporting.lane_days}: one counter row per day and lane. */
@Repository
class JdbcLaneFigures implements LaneFigures {

    private final JdbcClient jdbc;

    JdbcLaneFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void sealed(LocalDate day, UUID originHubId, UUID destinationHubId, int shipments) {
        count(day, originHubId, destinationHubId, 1, shipments, 0, 0, 0);
    }

    @Override
    public void arrived(LocalDate day, UUID originHubId, UUID destinationHubId, BagArrival arrival) {
        count(day, originHubId, destinationHubId, 0, 0, 1, arrival.isTimed() ? 1 : 0, arrival.isOnTime() ? 1 : 0);
    }

    private void count(LocalDate day, UUID origin, UUID destination, int bags, int shipments, int arrived, int timed,
            int onTime) {
        jdbc.sql("""
                insert into reporting.lane_days (day, origin_hub_id, destination_hub_id, bags, shipments, bags_arrived,
                    arrivals_timed, arrivals_on_time)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (day, origin_hub_id, destination_hub_id) do update set
                    bags = reporting.lane_days.bags + excluded.bags,
                    shipments = reporting.lane_days.shipments + excluded.shipments,
                    bags_arrived = reporting.lane_days.bags_arrived + excluded.bags_arrived,
                    arrivals_timed = reporting.lane_days.arrivals_timed + excluded.arrivals_timed,
                    arrivals_on_time = reporting.lane_days.arrivals_on_time + excluded.arrivals_on_time""")
                .params(Date.valueOf(day), origin, destination, bags, shipments, arrived, timed, onTime)
                .update();
    }

    @Override
    public List<LaneDay> day(LocalDate day) {
        return jdbc.sql("""
                select origin_hub_id, destination_hub_id, bags, shipments, bags_arrived, arrivals_timed,
                    arrivals_on_time
                from reporting.lane_days where day = ? order by origin_hub_id, destination_hub_id""")
                .param(Date.valueOf(day))
                .query((rs, n) -> new LaneDay(rs.getObject("origin_hub_id", UUID.class),
                        rs.getObject("destination_hub_id", UUID.class), rs.getLong("bags"), rs.getLong("shipments"),
                        rs.getLong("bags_arrived"), rs.getLong("arrivals_timed"), rs.getLong("arrivals_on_time")))
                .list();
    }
}
