package io.waybill.linehaul.persistence;

import io.waybill.kernel.ConflictException;
import io.waybill.linehaul.Bag;
import io.waybill.linehaul.BagCode;
import io.waybill.linehaul.BagRepository;
import io.waybill.linehaul.BagStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBagRepository implements BagRepository {

    private static final String COLUMNS = "id, code, origin_hub_id, destination_hub_id, status, agent_id, flight_id, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcBagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Bag> find(UUID id) {
        return load("id = ?", id, "");
    }

    @Override
    public Optional<Bag> find(BagCode code) {
        return load("code = ?", code.value(), "");
    }

    @Override
    public Optional<Bag> lock(UUID id) {
        return load("id = ?", id, " for update");
    }

    @Override
    public Optional<Bag> lock(BagCode code) {
        return load("code = ?", code.value(), " for update");
    }

    @Override
    public boolean exists(BagCode code) {
        return jdbc.sql("select exists (select 1 from linehaul.bags where code = ?)").param(code.value())
                .query(Boolean.class).single();
    }

    @Override
    public void add(Bag bag) {
        jdbc.sql("insert into linehaul.bags (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(bag.id(), bag.code().value(), bag.originHubId(), bag.destinationHubId(),
                        bag.status().wireName(), bag.agentId(), bag.flightId(), Timestamp.from(bag.createdAt()),
                        Timestamp.from(bag.updatedAt()))
                .update();
    }

    /** The row, then what it holds: those taken out are deleted, new ones appended in one statement. */
    @Override
    public void update(Bag bag) {
        jdbc.sql("update linehaul.bags set status = ?, agent_id = ?, flight_id = ?, updated_at = ? where id = ?")
                .params(bag.status().wireName(), bag.agentId(), bag.flightId(), Timestamp.from(bag.updatedAt()), bag.id())
                .update();
        String[] held = bag.shipmentsInOrder().stream().map(UUID::toString).toArray(String[]::new);
        jdbc.sql("delete from linehaul.bag_shipments where bag_id = ? and shipment_id <> all(?::uuid[])")
                .params(bag.id(), held).update();
        try {
            jdbc.sql("""
                    insert into linehaul.bag_shipments (bag_id, shipment_id, position, held)
                    select ?, s.id::uuid, (select coalesce(max(position), 0) from linehaul.bag_shipments
                                           where bag_id = ?) + s.n, ?
                    from unnest(?::text[]) with ordinality as s(id, n)
                    on conflict (bag_id, shipment_id) do update set held = excluded.held""")
                    .params(bag.id(), bag.id(), bag.holdsItsShipments(), held)
                    .update();
        } catch (DuplicateKeyException heldElsewhere) {
            throw new ConflictException("A shipment of this request is already in another bag that is not opened "
                    + "yet: take it out of that bag first.");
        }
    }

    @Override
    public List<Bag> lockOnFlight(UUID flightId) {
        return jdbc.sql("select " + COLUMNS + " from linehaul.bags where flight_id = ? order by id for update")
                .param(flightId).query((rs, n) -> restore(rs)).list();
    }

    /** An opened bag changes no more, so the one opened last is the one last updated. */
    @Override
    public Map<UUID, UUID> lastOpenedAt(Collection<UUID> shipmentIds) {
        Map<UUID, UUID> hubs = new HashMap<>();
        jdbc.sql("""
                select distinct on (s.shipment_id) s.shipment_id, b.destination_hub_id
                from linehaul.bag_shipments s join linehaul.bags b on b.id = s.bag_id
                where s.shipment_id = any(?::uuid[]) and b.status = 'opened'
                order by s.shipment_id, b.updated_at desc, b.id""")
                .param(shipmentIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> hubs.put(rs.getObject("shipment_id", UUID.class),
                        rs.getObject("destination_hub_id", UUID.class)));
        return hubs;
    }

    @Override
    public List<Bag> assignedTo(UUID agentId) {
        return jdbc.sql("select " + COLUMNS + " from linehaul.bags where agent_id = ? and status <> 'opened' "
                        + "order by created_at desc limit 200")
                .param(agentId).query((rs, n) -> restore(rs)).list();
    }

    private Optional<Bag> load(String condition, Object key, String lock) {
        return jdbc.sql("select " + COLUMNS + " from linehaul.bags where " + condition + lock).param(key)
                .query((rs, n) -> restore(rs)).optional();
    }

    private Bag restore(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> held = jdbc.sql("select shipment_id from linehaul.bag_shipments where bag_id = ? order by position")
                .param(id).query(UUID.class).list();
        return Bag.restore(id, new BagCode(rs.getString("code")), rs.getObject("origin_hub_id", UUID.class),
                rs.getObject("destination_hub_id", UUID.class),
                BagStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getObject("agent_id", UUID.class),
                rs.getObject("flight_id", UUID.class), new LinkedHashSet<>(held), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
