package io.waybill.shipments.persistence;

import io.waybill.kernel.Money;
import io.waybill.shipments.CollectionMethod;
import io.waybill.shipments.PaymentStatus;
import io.waybill.shipments.payment.AgentCash;
import io.waybill.shipments.payment.CashLedger;
import io.waybill.shipments.payment.Remittance;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCashLedger implements CashLedger {

    /** Cash collections only: card and UPI payments never sit with the agent. */
    private static final String CASH = "collected_by = ? and collection_method = 'cash'";

    private final JdbcClient jdbc;

    JdbcCashLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID agentId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('shipments.agent_cash:' || ?, 0))")
                .param(agentId.toString()).query((rs, n) -> 1).list();
    }

    @Override
    public AgentCash.Balance balance(UUID agentId, Currency currency) {
        long collected = jdbc.sql("select coalesce(sum(collected_minor), 0) from shipments.payments where " + CASH
                        + " and currency = ?")
                .params(agentId, currency.getCurrencyCode()).query(Long.class).single();
        long remitted = jdbc.sql("select coalesce(sum(amount_minor), 0) from shipments.remittances "
                        + "where agent_id = ? and currency = ?")
                .params(agentId, currency.getCurrencyCode()).query(Long.class).single();
        return new AgentCash.Balance(new Money(collected, currency), new Money(remitted, currency));
    }

    @Override
    public Open open(UUID agentId, Currency currency) {
        // The shipments' rows are locked as a change to the shipment locks them, so that no change
        // holding a shipment writes back its payment as it was before this settles it.
        List<OpenCollection> open = jdbc.sql("""
                        select p.shipment_id, p.collected_minor from shipments.payments p
                        join shipments.shipments s on s.id = p.shipment_id
                        where p.collected_by = ? and p.collection_method = 'cash' and p.currency = ?
                            and p.status = 'collected'
                        order by p.collected_at, p.shipment_id
                        for update of s""")
                .params(agentId, currency.getCurrencyCode())
                .query((rs, n) -> new OpenCollection(rs.getObject("shipment_id", UUID.class),
                        rs.getLong("collected_minor")))
                .list();
        long settled = jdbc.sql("select coalesce(sum(collected_minor), 0) from shipments.payments where " + CASH
                        + " and currency = ? and remittance_id is not null")
                .params(agentId, currency.getCurrencyCode()).query(Long.class).single();
        return new Open(open, new Money(settled, currency));
    }

    @Override
    public void add(Remittance remittance) {
        jdbc.sql("""
                insert into shipments.remittances (id, agent_id, amount_minor, currency, reference, recorded_by,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(remittance.id(), remittance.agentId(), remittance.amount().amountMinor(),
                        remittance.amount().currencyCode(), remittance.reference(), remittance.recordedBy(),
                        Timestamp.from(remittance.recordedAt()))
                .update();
    }

    @Override
    public void settle(List<UUID> shipmentIds, UUID remittanceId, Instant at) {
        if (shipmentIds.isEmpty()) {
            return;
        }
        UUID[] ids = shipmentIds.toArray(UUID[]::new);
        jdbc.sql("update shipments.payments set status = 'remitted', remittance_id = ? where shipment_id = any(?)")
                .params(remittanceId, ids).update();
        // A client that syncs by updated_since sees the payment's change.
        jdbc.sql("update shipments.shipments set updated_at = greatest(updated_at, ?) where id = any(?)")
                .params(Timestamp.from(at), ids).update();
    }

    @Override
    public boolean knows(UUID agentId) {
        return jdbc.sql("""
                        select exists (select 1 from shipments.payments where collected_by = ?)
                            or exists (select 1 from shipments.remittances where agent_id = ?)""")
                .params(agentId, agentId).query(Boolean.class).single();
    }

    @Override
    public AgentCash cash(UUID agentId) {
        Map<String, long[]> totals = new TreeMap<>();
        jdbc.sql("select currency, sum(collected_minor) as minor from shipments.payments where " + CASH
                        + " group by currency")
                .param(agentId)
                .query((rs, n) -> totals.computeIfAbsent(rs.getString("currency"), c -> new long[2])[0] =
                        rs.getLong("minor"))
                .list();
        jdbc.sql("select currency, sum(amount_minor) as minor from shipments.remittances where agent_id = ? "
                        + "group by currency")
                .param(agentId)
                .query((rs, n) -> totals.computeIfAbsent(rs.getString("currency"), c -> new long[2])[1] =
                        rs.getLong("minor"))
                .list();
        List<AgentCash.Balance> balances = new ArrayList<>();
        totals.forEach((code, sums) -> {
            Currency currency = Currency.getInstance(code);
            balances.add(new AgentCash.Balance(new Money(sums[0], currency), new Money(sums[1], currency)));
        });
        List<AgentCash.Collection> collections = jdbc.sql("""
                        select p.shipment_id, s.tracking_number, p.amount_minor, p.collected_minor, p.currency,
                            p.collection_method, p.status, p.collected_at, p.remittance_id
                        from shipments.payments p join shipments.shipments s on s.id = p.shipment_id
                        where p.collected_by = ?
                        order by p.collected_at desc, p.shipment_id desc limit ?""")
                .params(agentId, AgentCash.LISTED)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new AgentCash.Collection(rs.getObject("shipment_id", UUID.class),
                            rs.getString("tracking_number"), new Money(rs.getLong("amount_minor"), currency),
                            new Money(rs.getLong("collected_minor"), currency),
                            CollectionMethod.fromWire(rs.getString("collection_method")).orElseThrow(),
                            PaymentStatus.fromWire(rs.getString("status")).orElseThrow(),
                            rs.getTimestamp("collected_at").toInstant(), rs.getObject("remittance_id", UUID.class));
                })
                .list();
        List<Remittance> remittances = jdbc.sql("""
                        select id, agent_id, amount_minor, currency, reference, recorded_by, recorded_at
                        from shipments.remittances where agent_id = ?
                        order by recorded_at desc, id desc limit ?""")
                .params(agentId, AgentCash.LISTED)
                .query((rs, n) -> new Remittance(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                        new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("reference"), rs.getObject("recorded_by", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return new AgentCash(agentId, balances, collections, remittances);
    }
}
