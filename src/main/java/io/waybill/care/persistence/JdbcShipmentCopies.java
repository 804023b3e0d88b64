package io.waybill.care.persistence;

import io.waybill.care.ShipmentCopies;
import io.waybill.care.ShipmentCopy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The copy of the shipments in PostgreSQL, schema {@code care}: written only from events. */
@Repository
class JdbcShipmentCopies implements ShipmentCopies {

    private final JdbcClient jdbc;

    JdbcShipmentCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ShipmentCopy> find(UUID shipmentId) {
        return jdbc.sql("""
                select shipment_id, customer_id, agent_id, status, delivered_by, delivered_at
                from care.shipments where shipment_id = ? and customer_id is not null""")
                .param(shipmentId)
                .query((rs, n) -> new ShipmentCopy(rs.getObject("shipment_id", UUID.class),
                        rs.getObject("customer_id", UUID.class), rs.getObject("agent_id", UUID.class),
                        rs.getString("status"), rs.getObject("delivered_by", UUID.class),
                        JdbcTickets.instant(rs.getTimestamp("delivered_at"))))
                .optional();
    }

    @Override
    public void recordOwner(UUID shipmentId, UUID customerId) {
        jdbc.sql("""
                insert into care.shipments (shipment_id, customer_id) values (?, ?)
                on conflict (shipment_id) do update set customer_id = excluded.customer_id
                where care.shipments.customer_id is null""")
                .params(shipmentId, customerId).update();
    }

    @Override
    public void recordStatus(UUID shipmentId, int sequence, String status, Instant at, UUID agentId) {
        boolean delivered = "delivered".equals(status);
        jdbc.sql("""
                insert into care.shipments (shipment_id, status, status_sequence, delivered_by, delivered_at)
                values (?, ?, ?, ?, ?)
                on conflict (shipment_id) do update
                set status = excluded.status, status_sequence = excluded.status_sequence,
                    delivered_by = coalesce(excluded.delivered_by, care.shipments.delivered_by),
                    delivered_at = coalesce(excluded.delivered_at, care.shipments.delivered_at)
                where care.shipments.status_sequence is null
                   or care.shipments.status_sequence < excluded.status_sequence""")
                .params(shipmentId, status, sequence, delivered ? agentId : null,
                        delivered ? Timestamp.from(at) : null)
                .update();
    }

    @Override
    public void recordAgent(UUID shipmentId, UUID agentId, int version) {
        jdbc.sql("insert into care.shipments (shipment_id) values (?) on conflict do nothing").param(shipmentId).update();
        // An equal version is the same fact again, or a later assignment after the same entry (one topic, in order).
        jdbc.sql("""
                update care.shipments set agent_id = ?, agent_version = ?
                where shipment_id = ? and coalesce(agent_version, -2) <= ?""")
                .params(agentId, version, shipmentId, version)
                .update();
    }
}
