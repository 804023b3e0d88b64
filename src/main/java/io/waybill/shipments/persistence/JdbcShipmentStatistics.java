package io.waybill.shipments.persistence;

import io.waybill.shipments.DailyFigures;
import io.waybill.shipments.ShipmentStatistics;
import io.waybill.shipments.ShipmentStatus;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcShipmentStatistics implements ShipmentStatistics {

    private final JdbcClient jdbc;

    JdbcShipmentStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DailyFigures dailyFigures(LocalDate date) {
        Timestamp from = Timestamp.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long booked = jdbc.sql("select count(*) from shipments.shipments where created_at >= ? and created_at < ?")
                .params(from, to).query(Long.class).single();
        Map<ShipmentStatus, Long> byStatus = new EnumMap<>(ShipmentStatus.class);
        jdbc.sql("""
                select status, count(distinct shipment_id) as shipments from shipments.tracking_updates
                where recorded_at >= ? and recorded_at < ? group by status""")
                .params(from, to)
                .query(rs -> {
                    byStatus.put(ShipmentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                            rs.getLong("shipments"));
                });
        Map<UUID, DailyFigures.HubFigures> byHub = new HashMap<>();
        jdbc.sql("""
                select s.hub_id,
                       count(*) filter (where s.created_at >= :from and s.created_at < :to) as booked,
                       count(*) filter (where exists (select 1 from shipments.tracking_updates t
                           where t.shipment_id = s.id and t.status = 'delivered'
                             and t.recorded_at >= :from and t.recorded_at < :to)) as delivered
                from shipments.shipments s
                where s.hub_id is not null
                  and (s.created_at >= :from and s.created_at < :to
                       or (s.status = 'delivered' and s.updated_at >= :from))
                group by s.hub_id""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    byHub.put(rs.getObject("hub_id", UUID.class),
                            new DailyFigures.HubFigures(rs.getLong("booked"), rs.getLong("delivered")));
                });
        return new DailyFigures(date, booked, byStatus, byHub);
    }
}
