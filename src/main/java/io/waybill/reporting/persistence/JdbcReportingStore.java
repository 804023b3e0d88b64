package io.waybill.reporting.persistence;

import io.waybill.reporting.DailyReport;
import io.waybill.reporting.ReportingStore;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReportingStore implements ReportingStore {

    /** Quarter-hour buckets up to 60 days; slower deliveries share the last bucket. */
    private static final int LAST_BUCKET = 60 * 24 * DayFigures.BUCKETS_PER_HOUR;

    private final JdbcClient jdbc;

    JdbcReportingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void agentCash(UUID agentId, String currency, long collectedMinor, long remittedMinor) {
        jdbc.sql("""
                insert into reporting.agent_cash (agent_id, currency, collected_minor, remitted_minor) values (?, ?, ?, ?)
                on conflict (agent_id, currency) do update
                set collected_minor = agent_cash.collected_minor + excluded.collected_minor,
                    remitted_minor = agent_cash.remitted_minor + excluded.remitted_minor""")
                .params(agentId, currency, collectedMinor, remittedMinor).update();
    }

    @Override
    public List<DailyReport.AgentCash> cashOutstanding() {
        return jdbc.sql("""
                        select agent_id, currency, collected_minor, remitted_minor from reporting.agent_cash
                        where collected_minor > remitted_minor
                        order by collected_minor - remitted_minor desc, agent_id, currency""")
                .query((rs, n) -> new DailyReport.AgentCash(rs.getObject("agent_id", UUID.class),
                        rs.getString("currency"), rs.getLong("collected_minor"), rs.getLong("remitted_minor"),
                        rs.getLong("collected_minor") - rs.getLong("remitted_minor")))
                .list();
    }

    @Override
    public void userRegistered(LocalDate day) {
        jdbc.sql("""
                insert into reporting.daily_totals (day, users_registered) values (?, 1)
                on conflict (tenant_id, day) do update set users_registered = daily_totals.users_registered + 1""")
                .param(Date.valueOf(day)).update();
    }

    @Override
    public Optional<UUID> booked(UUID shipmentId, LocalDate day) {
        jdbc.sql("""
                insert into reporting.daily_totals (day, booked) values (?, 1)
                on conflict (tenant_id, day) do update set booked = daily_totals.booked + 1""")
                .param(Date.valueOf(day)).update();
        return jdbc.sql("""
                insert into reporting.shipments (shipment_id, booked_on) values (?, ?)
                on conflict (shipment_id) do update set booked_on = excluded.booked_on
                returning hub_id""")
                .params(shipmentId, Date.valueOf(day))
                .query((rs, n) -> Optional.ofNullable(rs.getObject("hub_id", UUID.class)))
                .single();
    }

    @Override
    public Optional<ShipmentDays> routed(UUID shipmentId, UUID hubId) {
        // A shipment already routed is left alone and returns no row: its hub is counted once.
        return jdbc.sql("""
                insert into reporting.shipments (shipment_id, hub_id) values (?, ?)
                on conflict (shipment_id) do update set hub_id = excluded.hub_id
                    where reporting.shipments.hub_id is null
                returning booked_on, delivered_on""")
                .params(shipmentId, hubId)
                .query((rs, n) -> new ShipmentDays(localDate(rs.getDate("booked_on")),
                        localDate(rs.getDate("delivered_on"))))
                .optional();
    }

    @Override
    public void enteredStatus(LocalDate day, String status, UUID shipmentId) {
        int first = jdbc.sql("""
                insert into reporting.daily_status_members (day, status, shipment_id) values (?, ?, ?)
                on conflict do nothing""")
                .params(Date.valueOf(day), status, shipmentId).update();
        if (first == 1) {
            jdbc.sql("""
                    insert into reporting.daily_status (day, status, shipments) values (?, ?, 1)
                    on conflict (tenant_id, day, status) do update set shipments = daily_status.shipments + 1""")
                    .params(Date.valueOf(day), status).update();
        }
    }

    @Override
    public Optional<UUID> delivered(UUID shipmentId, LocalDate day, double hours, boolean firstAttempt) {
        jdbc.sql("""
                insert into reporting.daily_totals (day, delivered, delivered_first_attempt, delivery_hours_sum)
                values (?, 1, ?, ?)
                on conflict (tenant_id, day) do update set delivered = daily_totals.delivered + 1,
                    delivered_first_attempt = daily_totals.delivered_first_attempt + excluded.delivered_first_attempt,
                    delivery_hours_sum = daily_totals.delivery_hours_sum + excluded.delivery_hours_sum""")
                .params(Date.valueOf(day), firstAttempt ? 1 : 0, hours).update();
        int bucket = (int) Math.min(LAST_BUCKET, Math.max(0, Math.floor(hours * DayFigures.BUCKETS_PER_HOUR)));
        jdbc.sql("""
                insert into reporting.delivery_durations (day, bucket, deliveries) values (?, ?, 1)
                on conflict (tenant_id, day, bucket) do update set deliveries = delivery_durations.deliveries + 1""")
                .params(Date.valueOf(day), bucket).update();
        return jdbc.sql("""
                insert into reporting.shipments (shipment_id, delivered_on) values (?, ?)
                on conflict (shipment_id) do update set delivered_on = excluded.delivered_on
                returning hub_id""")
                .params(shipmentId, Date.valueOf(day))
                .query((rs, n) -> Optional.ofNullable(rs.getObject("hub_id", UUID.class)))
                .single();
    }

    @Override
    public void countHubBooking(LocalDate day, UUID hubId) {
        jdbc.sql("""
                insert into reporting.daily_hubs (day, hub_id, booked) values (?, ?, 1)
                on conflict (day, hub_id) do update set booked = daily_hubs.booked + 1""")
                .params(Date.valueOf(day), hubId).update();
    }

    @Override
    public void countHubDelivery(LocalDate day, UUID hubId) {
        jdbc.sql("""
                insert into reporting.daily_hubs (day, hub_id, delivered) values (?, ?, 1)
                on conflict (day, hub_id) do update set delivered = daily_hubs.delivered + 1""")
                .params(Date.valueOf(day), hubId).update();
    }

    @Override
    public DayFigures figures(LocalDate day) {
        Date date = Date.valueOf(day);
        DayFigures.Totals totals = jdbc.sql("""
                select booked, users_registered, delivered, delivered_first_attempt, delivery_hours_sum
                from reporting.daily_totals where day = ?""")
                .param(date)
                .query((rs, n) -> new DayFigures.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(5)))
                .optional().orElse(new DayFigures.Totals(0, 0, 0, 0, 0));
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("select status, shipments from reporting.daily_status where day = ?").param(date)
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        Map<UUID, long[]> byHub = new HashMap<>();
        jdbc.sql("select hub_id, booked, delivered from reporting.daily_hubs where day = ?").param(date)
                .query(rs -> {
                    byHub.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<long[]> buckets = new ArrayList<>();
        jdbc.sql("select bucket, deliveries from reporting.delivery_durations where day = ? order by bucket")
                .param(date)
                .query(rs -> {
                    buckets.add(new long[] {rs.getInt(1), rs.getLong(2)});
                });
        return new DayFigures(totals, byStatus, byHub, buckets);
    }

    @Override
    public RangeFigures figures(LocalDate from, LocalDate to) {
        Date first = Date.valueOf(from);
        Date last = Date.valueOf(to);
        Map<LocalDate, DayFigures.Totals> totals = new HashMap<>();
        jdbc.sql("""
                select day, booked, users_registered, delivered, delivered_first_attempt, delivery_hours_sum
                from reporting.daily_totals where day between ? and ?""")
                .params(first, last)
                .query(rs -> {
                    totals.put(rs.getDate(1).toLocalDate(), new DayFigures.Totals(rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getDouble(6)));
                });
        Map<LocalDate, List<long[]>> buckets = new HashMap<>();
        jdbc.sql("""
                select day, bucket, deliveries from reporting.delivery_durations where day between ? and ?
                order by day, bucket""")
                .params(first, last)
                .query(rs -> {
                    buckets.computeIfAbsent(rs.getDate(1).toLocalDate(), day -> new ArrayList<>())
                            .add(new long[] {rs.getInt(2), rs.getLong(3)});
                });
        Map<LocalDate, Long> failures = new HashMap<>();
        jdbc.sql("select day, sum(failures) from reporting.daily_failures where day between ? and ? group by day")
                .params(first, last)
                .query(rs -> {
                    failures.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                });
        Map<String, Long> byReason = new HashMap<>();
        jdbc.sql("select reason, sum(failures) from reporting.daily_failures where day between ? and ? group by reason")
                .params(first, last)
                .query(rs -> {
                    byReason.put(rs.getString(1), rs.getLong(2));
                });
        Map<UUID, long[]> byHub = new HashMap<>();
        jdbc.sql("""
                select hub_id, sum(booked), sum(delivered) from reporting.daily_hubs where day between ? and ?
                group by hub_id""")
                .params(first, last)
                .query(rs -> {
                    byHub.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return new RangeFigures(totals, buckets, failures, byReason, byHub);
    }

    @Override
    public void deliveryFailed(LocalDate day, UUID hubId, String reason) {
        jdbc.sql("""
                insert into reporting.daily_failures (day, reason, failures) values (?, ?, 1)
                on conflict (tenant_id, day, reason) do update set failures = reporting.daily_failures.failures + 1""")
                .params(Date.valueOf(day), reason).update();
        if (hubId != null) {
            jdbc.sql("""
                    insert into reporting.daily_hub_failures (day, hub_id, reason, failures) values (?, ?, ?, 1)
                    on conflict (day, hub_id, reason)
                    do update set failures = reporting.daily_hub_failures.failures + 1""")
                    .params(Date.valueOf(day), hubId, reason).update();
        }
    }

    @Override
    public FailureFigures failures(LocalDate day) {
        Date date = Date.valueOf(day);
        Map<String, Long> byReason = new HashMap<>();
        jdbc.sql("select reason, failures from reporting.daily_failures where day = ?").param(date)
                .query(rs -> {
                    byReason.put(rs.getString(1), rs.getLong(2));
                });
        Map<UUID, Map<String, Long>> byHub = new HashMap<>();
        jdbc.sql("select hub_id, reason, failures from reporting.daily_hub_failures where day = ?").param(date)
                .query(rs -> {
                    byHub.computeIfAbsent(rs.getObject(1, UUID.class), hub -> new HashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return new FailureFigures(byReason, byHub);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
