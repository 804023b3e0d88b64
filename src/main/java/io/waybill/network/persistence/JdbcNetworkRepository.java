package io.waybill.network.persistence;

import io.waybill.network.Hub;
import io.waybill.network.NetworkRepository;
import io.waybill.network.Vehicle;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNetworkRepository implements NetworkRepository {

    private static final String HUB_COLUMNS = "id, hub_name, city, address, latitude, longitude, created_at, time_zone";
    private static final String VEHICLE_COLUMNS =
            "id, registration_number, type, capacity_kg, hub_id, status, created_at, agent_id";

    private final JdbcClient jdbc;

    JdbcNetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Hub hub) {
        unique("A hub with this name already exists.", () -> jdbc.sql("insert into network.hubs (" + HUB_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hub.id(), hub.hubName(), hub.city(), hub.address(), hub.latitude(), hub.longitude(),
                        Timestamp.from(hub.createdAt()), hub.timeZone())
                .update());
    }

    @Override
    public void save(Hub hub) {
        unique("A hub with this name already exists.", () -> jdbc.sql("""
                        update network.hubs set hub_name = ?, city = ?, address = ?, latitude = ?, longitude = ?,
                            time_zone = ?
                        where id = ?""")
                .params(hub.hubName(), hub.city(), hub.address(), hub.latitude(), hub.longitude(), hub.timeZone(),
                        hub.id())
                .update());
    }

    @Override
    public Optional<Hub> findHub(UUID id) {
        return jdbc.sql("select " + HUB_COLUMNS + " from network.hubs where id = ?").param(id)
                .query(JdbcNetworkRepository::hub).optional();
    }

    @Override
    public Page<Hub> hubs(PageQuery page) {
        long total = jdbc.sql("select count(*) from network.hubs").query(Long.class).single();
        return Page.of(jdbc.sql("select " + HUB_COLUMNS + " from network.hubs order by hub_name, id limit ? offset ?")
                .params(page.size(), page.offset()).query(JdbcNetworkRepository::hub).list(), page, total);
    }

    @Override
    public List<Hub> allHubs() {
        return jdbc.sql("select " + HUB_COLUMNS + " from network.hubs order by created_at, id")
                .query(JdbcNetworkRepository::hub).list();
    }

    @Override
    public List<Hub> hubsNamed(Collection<String> places) {
        if (places.isEmpty()) {
            return List.of();
        }
        List<String> names = places.stream().map(place -> place.toLowerCase(Locale.ROOT)).distinct().toList();
        return jdbc.sql("select " + HUB_COLUMNS + " from network.hubs where lower(hub_name) in (:names)"
                        + " or lower(city) in (:names) order by created_at, id")
                .param("names", names).query(JdbcNetworkRepository::hub).list();
    }

    @Override
    public boolean removeHub(UUID id) {
        try {
            return jdbc.sql("delete from network.hubs where id = ?").param(id).update() > 0;
        } catch (DataIntegrityViolationException vehiclesBasedThere) {
            throw new ConflictException("Vehicles are based at this hub: move or delete them first.");
        }
    }

    @Override
    public void add(Vehicle vehicle) {
        unique("A vehicle with this registration number already exists.", () -> jdbc.sql("insert into network.vehicles ("
                        + VEHICLE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(vehicle.id(), vehicle.registrationNumber(), wire(vehicle.type()), vehicle.capacityKg(),
                        vehicle.hubId(), wire(vehicle.status()), Timestamp.from(vehicle.createdAt()), vehicle.agentId())
                .update());
    }

    @Override
    public void save(Vehicle vehicle) {
        try {
            jdbc.sql("""
                    update network.vehicles set registration_number = ?, type = ?, capacity_kg = ?, hub_id = ?,
                        status = ?, agent_id = ?
                    where id = ?""")
                    .params(vehicle.registrationNumber(), wire(vehicle.type()), vehicle.capacityKg(), vehicle.hubId(),
                            wire(vehicle.status()), vehicle.agentId(), vehicle.id())
                    .update();
        } catch (DuplicateKeyException duplicate) {
            // Two assignments of one agent at once: the index lets one through.
            throw new ConflictException(String.valueOf(duplicate.getMessage()).contains("vehicles_agent")
                    ? "This agent already drives another vehicle: unassign it first."
                    : "A vehicle with this registration number already exists.");
        }
    }

    @Override
    public Optional<Vehicle> findVehicle(UUID id) {
        return jdbc.sql("select " + VEHICLE_COLUMNS + " from network.vehicles where id = ?").param(id)
                .query(JdbcNetworkRepository::vehicle).optional();
    }

    @Override
    public Optional<Vehicle> vehicleOfAgent(UUID agentId) {
        return jdbc.sql("select " + VEHICLE_COLUMNS + " from network.vehicles where agent_id = ?").param(agentId)
                .query(JdbcNetworkRepository::vehicle).optional();
    }

    @Override
    public void unassignAgent(UUID agentId) {
        jdbc.sql("update network.vehicles set agent_id = null where agent_id = ?").param(agentId).update();
    }

    @Override
    public Page<Vehicle> vehicles(PageQuery page) {
        long total = jdbc.sql("select count(*) from network.vehicles").query(Long.class).single();
        return Page.of(jdbc.sql("select " + VEHICLE_COLUMNS
                        + " from network.vehicles order by registration_number, id limit ? offset ?")
                .params(page.size(), page.offset()).query(JdbcNetworkRepository::vehicle).list(), page, total);
    }

    @Override
    public boolean removeVehicle(UUID id) {
        return jdbc.sql("delete from network.vehicles where id = ?").param(id).update() > 0;
    }

    private static void unique(String conflict, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException(conflict);
        }
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Hub hub(ResultSet rs, int row) throws SQLException {
        return new Hub(rs.getObject("id", UUID.class), rs.getString("hub_name"), rs.getString("city"),
                rs.getString("address"), rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("time_zone"));
    }

    private static Vehicle vehicle(ResultSet rs, int row) throws SQLException {
        return new Vehicle(rs.getObject("id", UUID.class), rs.getString("registration_number"),
                Vehicle.Type.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), rs.getBigDecimal("capacity_kg"),
                rs.getObject("hub_id", UUID.class),
                Vehicle.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("agent_id", UUID.class));
    }
}
