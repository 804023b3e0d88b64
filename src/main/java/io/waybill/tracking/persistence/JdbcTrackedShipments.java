package io.waybill.tracking.persistence;

import io.waybill.tracking.TrackedShipment;
import io.waybill.tracking.TrackedShipments;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model in PostgreSQL, schema {@code tracking}: written only from events, never from another module's tables. */
@Repository
class JdbcTrackedShipments implements TrackedShipments {

    private static final String OUT_FOR_DELIVERY = "out_for_delivery";

    private final JdbcClient jdbc;

    JdbcTrackedShipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TrackedShipment> find(UUID shipmentId) {
        return load("shipment_id = ?", shipmentId);
    }

    @Override
    public Optional<TrackedShipment> find(String trackingNumber) {
        return load("tracking_number = ?", trackingNumber);
    }

    @Override
    public Map<String, TrackedShipment> findAll(Collection<String> trackingNumbers) {
        if (trackingNumbers.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Row> shipments = new LinkedHashMap<>();
        Map<UUID, List<TrackedShipment.Entry>> histories = new HashMap<>();
        jdbc.sql("""
                select s.shipment_id, s.tracking_number, s.customer_id, s.agent_id, s.promised_delivery_date,
                       s.estimated_delivery, s.received_by, h.sequence, h.status, h.location, h.occurred_at, h.time_zone
                from tracking.shipments s join tracking.history h on h.shipment_id = s.shipment_id
                where s.tracking_number = any(?)
                order by s.shipment_id, h.sequence""")
                .param(trackingNumbers.toArray(String[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("shipment_id", UUID.class);
                    if (!shipments.containsKey(id)) {
                        shipments.put(id, new Row(id, rs.getString("tracking_number"),
                                rs.getObject("customer_id", UUID.class), rs.getObject("agent_id", UUID.class),
                                localDate(rs.getDate("promised_delivery_date")),
                                localDate(rs.getDate("estimated_delivery")), rs.getString("received_by")));
                    }
                    histories.computeIfAbsent(id, known -> new ArrayList<>()).add(new TrackedShipment.Entry(
                            rs.getInt("sequence"), rs.getString("status"), rs.getString("location"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("time_zone")));
                });
        Map<String, TrackedShipment> found = new HashMap<>();
        for (Row row : shipments.values()) {
            List<TrackedShipment.Entry> history = TrackedShipment.unbroken(histories.get(row.shipmentId()));
            if (!history.isEmpty()) {
                found.put(row.trackingNumber(), new TrackedShipment(row.shipmentId(), row.trackingNumber(),
                        row.customerId(), row.agentId(), history, row.promisedDeliveryDate(),
                        row.estimatedDelivery(), row.receivedBy()));
            }
        }
        return found;
    }

    private Optional<TrackedShipment> load(String condition, Object key) {
        return jdbc.sql("select shipment_id, tracking_number, customer_id, agent_id, promised_delivery_date, "
                        + "estimated_delivery, received_by from tracking.shipments where " + condition
                        + " and tracking_number is not null")
                .param(key)
                .query((rs, n) -> new Row(rs.getObject("shipment_id", UUID.class), rs.getString("tracking_number"),
                        rs.getObject("customer_id", UUID.class), rs.getObject("agent_id", UUID.class),
                        localDate(rs.getDate("promised_delivery_date")), localDate(rs.getDate("estimated_delivery")),
                        rs.getString("received_by")))
                .optional()
                .flatMap(row -> {
                    List<TrackedShipment.Entry> history = TrackedShipment.unbroken(history(row.shipmentId()));
                    return history.isEmpty() ? Optional.empty()
                            : Optional.of(new TrackedShipment(row.shipmentId(), row.trackingNumber(),
                                    row.customerId(), row.agentId(), history, row.promisedDeliveryDate(),
                                    row.estimatedDelivery(), row.receivedBy()));
                });
    }

    private List<TrackedShipment.Entry> history(UUID shipmentId) {
        return jdbc.sql("""
                select sequence, status, location, occurred_at, time_zone from tracking.history
                where shipment_id = ? order by sequence""")
                .param(shipmentId)
                .query((rs, n) -> new TrackedShipment.Entry(rs.getInt("sequence"), rs.getString("status"),
                        rs.getString("location"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("time_zone")))
                .list();
    }

    @Override
    public void recordReceiver(UUID shipmentId, String initials) {
        jdbc.sql("""
                insert into tracking.shipments (shipment_id, received_by) values (?, ?)
                on conflict (shipment_id) do update set received_by = excluded.received_by""")
                .params(shipmentId, initials).update();
    }

    @Override
    public void recordShipment(UUID shipmentId, String trackingNumber, UUID customerId) {
        jdbc.sql("""
                insert into tracking.shipments (shipment_id, tracking_number, customer_id) values (?, ?, ?)
                on conflict (shipment_id) do update
                set tracking_number = excluded.tracking_number, customer_id = excluded.customer_id
                where tracking.shipments.tracking_number is null""")
                .params(shipmentId, trackingNumber, customerId)
                .update();
    }

    @Override
    public void recordEntry(UUID shipmentId, TrackedShipment.Entry entry) {
        // The row first (its history refers to it), with the status when this entry is the newest.
        jdbc.sql("""
                insert into tracking.shipments (shipment_id, status, status_sequence) values (?, ?, ?)
                on conflict (shipment_id) do update
                set status = excluded.status, status_sequence = excluded.status_sequence
                where tracking.shipments.status_sequence is null
                   or tracking.shipments.status_sequence < excluded.status_sequence""")
                .params(shipmentId, entry.status(), entry.sequence())
                .update();
        jdbc.sql("""
                insert into tracking.history (shipment_id, sequence, status, location, occurred_at, time_zone)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(shipmentId, entry.sequence(), entry.status(), entry.location(),
                        Timestamp.from(entry.occurredAt()), entry.timeZone())
                .update();
    }

    @Override
    public List<TrackedShipment> outForDeliveryWith(UUID agentId) {
        return jdbc.sql("""
                select shipment_id from tracking.shipments
                where agent_id = ? and status = 'out_for_delivery'""")
                .param(agentId)
                .query(UUID.class)
                .list().stream()
                .flatMap(id -> find(id).stream())
                // The unbroken history decides, as everywhere else: an entry past a gap does not count yet.
                .filter(shipment -> OUT_FOR_DELIVERY.equals(shipment.latest().status()))
                .toList();
    }

    @Override
    public void recordPromise(UUID shipmentId, String serviceLevel, LocalDate promisedDeliveryDate) {
        jdbc.sql("""
                insert into tracking.shipments (shipment_id, service_level, promised_delivery_date) values (?, ?, ?)
                on conflict (shipment_id) do update
                set service_level = excluded.service_level, promised_delivery_date = excluded.promised_delivery_date""")
                .params(shipmentId, serviceLevel, date(promisedDeliveryDate))
                .update();
    }

    @Override
    public void recordEstimate(UUID shipmentId, LocalDate estimatedDelivery, int sequence) {
        jdbc.sql("""
                insert into tracking.shipments (shipment_id, estimated_delivery, estimate_sequence) values (?, ?, ?)
                on conflict (shipment_id) do update
                set estimated_delivery = excluded.estimated_delivery, estimate_sequence = excluded.estimate_sequence
                where tracking.shipments.estimate_sequence is null
                   or tracking.shipments.estimate_sequence < excluded.estimate_sequence""")
                .params(shipmentId, date(estimatedDelivery), sequence)
                .update();
    }

    private static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }

    private static LocalDate localDate(Date value) {
        return value == null ? null : value.toLocalDate();
    }

    @Override
    public void recordAgent(UUID shipmentId, UUID agentId, int version) {
        // Equal versions come from one fact delivered again, or from assignments after the same entry,
        // which travel on one topic in order: the later one wins.
        jdbc.sql("""
                insert into tracking.shipments (shipment_id, agent_id, agent_version) values (?, ?, ?)
                on conflict (shipment_id) do update
                set agent_id = excluded.agent_id, agent_version = excluded.agent_version
                where tracking.shipments.agent_version is null
                   or tracking.shipments.agent_version <= excluded.agent_version""")
                .params(shipmentId, agentId, version)
                .update();
    }

    @Override
    public void noteCacheRepair(UUID shipmentId) {
        jdbc.sql("""
                insert into tracking.cache_repairs (shipment_id) values (?)
                on conflict (shipment_id) do update set generation = tracking.cache_repairs.generation + 1""")
                .param(shipmentId).update();
    }

    @Override
    public Optional<UUID> tenantOfTrackingNumber(String trackingNumber) {
        return jdbc.sql("select t from tracking.tenant_of_tracking_number(?) t where t is not null")
                .param(trackingNumber).query(UUID.class).optional();
    }

    @Override
    public List<UUID> tenantsWithCacheRepairs() {
        return jdbc.sql("select * from tracking.tenants_with_cache_repairs()").query(UUID.class).list();
    }

    @Override
    public List<CacheRepair> cacheRepairs(int limit) {
        return jdbc.sql("select shipment_id, generation from tracking.cache_repairs limit ?")
                .param(limit)
                .query((rs, n) -> new CacheRepair(rs.getObject("shipment_id", UUID.class), rs.getLong("generation")))
                .list();
    }

    @Override
    public void cacheRepaired(CacheRepair repair) {
        jdbc.sql("delete from tracking.cache_repairs where shipment_id = ? and generation = ?")
                .params(repair.shipmentId(), repair.generation()).update();
    }

    private record Row(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
            LocalDate promisedDeliveryDate, LocalDate estimatedDelivery, String receivedBy) {
    }
}
