package io.waybill.network;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.security.AccountLookup;
import java.math.BigDecimal;
import io.waybill.network.config.NetworkProperties;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hub and vehicle administration. Changes leave out nothing: null fields keep their value. A hub
 * opened without a time zone gets the deployment's ({@code waybill.time-zone}). Every
 * change of a hub is announced ({@code hub.created}, {@code hub.updated}, {@code hub.deleted}) in
 * its transaction, for the modules that keep a copy of the hubs (reporting names them).
 */
@Service
public class NetworkService {

    private final NetworkRepository network;
    private final AccountLookup accounts;
    private final EventPublisher events;
    private final Clock clock;
    private final ZoneId defaultZone;

    NetworkService(NetworkRepository network, AccountLookup accounts, EventPublisher events, Clock clock,
            NetworkProperties properties) {
        this.network = network;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.defaultZone = properties.zone();
    }

    @Transactional
    public Hub addHub(HubChange fields) {
        Hub hub = new Hub(UUID.randomUUID(), fields.hubName(), fields.city(), fields.address(), fields.latitude(),
                fields.longitude(), clock.instant(), or(blankAsNull(fields.timeZone()), defaultZone.getId()));
        network.add(hub);
        events.publish(new HubCreated(hub.id(), hub.hubName(), hub.city(), hub.createdAt(), hub.timeZone()));
        return hub;
    }

    public Hub hub(UUID id) {
        return network.findHub(id).orElseThrow(() -> new NotFoundException("No hub with this id."));
    }

    public Page<Hub> hubs(PageQuery page) {
        return network.hubs(page);
    }

    /**
     * The hubs these places name, by id: for each place, the oldest hub of that name, else the oldest
     * in that city (ignoring case). Places that name no hub are left out. One read, of those hubs only.
     */
    public Map<String, Hub> hubsAt(Collection<String> places) {
        List<Hub> named = network.hubsNamed(places);
        Map<String, Hub> found = new LinkedHashMap<>();
        for (String place : places) {
            named.stream().filter(hub -> place.equalsIgnoreCase(hub.hubName())).findFirst()
                    .or(() -> named.stream().filter(hub -> place.equalsIgnoreCase(hub.city())).findFirst())
                    .ifPresent(hub -> found.put(place, hub));
        }
        return found;
    }

    /** Every hub, for reports and hub assignment. */
    public List<Hub> allHubs() {
        return network.allHubs();
    }

    @Transactional
    public Hub changeHub(UUID id, HubChange change) {
        Hub current = hub(id);
        Hub changed = new Hub(id, or(change.hubName(), current.hubName()), or(change.city(), current.city()),
                or(change.address(), current.address()), or(change.latitude(), current.latitude()),
                or(change.longitude(), current.longitude()), current.createdAt(),
                or(blankAsNull(change.timeZone()), current.timeZone()));
        network.save(changed);
        events.publish(new HubUpdated(id, changed.hubName(), changed.city(), clock.instant(), changed.timeZone()));
        return changed;
    }

    @Transactional
    public void removeHub(UUID id) {
        if (!network.removeHub(id)) {
            throw new NotFoundException("No hub with this id.");
        }
        events.publish(new HubDeleted(id, clock.instant()));
    }

    @Transactional
    public Vehicle addVehicle(VehicleChange fields) {
        Vehicle vehicle = new Vehicle(UUID.randomUUID(), fields.registrationNumber(),
                Vehicle.parse(Vehicle.Type.class, "type", fields.type()), fields.capacityKg(),
                existingHub(fields.hubId()), Vehicle.parse(Vehicle.Status.class, "status", fields.status()),
                clock.instant());
        network.add(vehicle);
        return vehicle;
    }

    public Vehicle vehicle(UUID id) {
        return network.findVehicle(id).orElseThrow(() -> new NotFoundException("No vehicle with this id."));
    }

    public Page<Vehicle> vehicles(PageQuery page) {
        return network.vehicles(page);
    }

    @Transactional
    public Vehicle changeVehicle(UUID id, VehicleChange change) {
        Vehicle current = vehicle(id);
        Vehicle.Type type = Vehicle.parse(Vehicle.Type.class, "type", change.type());
        Vehicle.Status status = Vehicle.parse(Vehicle.Status.class, "status", change.status());
        Vehicle changed = new Vehicle(id, or(change.registrationNumber(), current.registrationNumber()),
                or(type, current.type()), or(change.capacityKg(), current.capacityKg()),
                change.hubId() == null ? current.hubId() : existingHub(change.hubId()),
                or(status, current.status()), current.createdAt(), current.agentId());
        network.save(changed);
        return changed;
    }

    /**
     * Assigns the vehicle to an agent of this tenant ({@code agentId}; null: to nobody). Whether the
     * account is an active agent is asked of the security module's copy of the accounts, which is
     * this tenant's only: another tenant's agent is no agent here.
     */
    @Transactional
    public Vehicle assignVehicle(UUID id, UUID agentId) {
        Vehicle current = vehicle(id);
        Vehicle assigned = agentId == null ? current.assignedTo(null, Optional.empty(), Optional.empty())
                : current.assignedTo(agentId, accounts.activeRole(agentId), network.vehicleOfAgent(agentId));
        network.save(assigned);
        return assigned;
    }

    @Transactional
    public void removeVehicle(UUID id) {
        if (!network.removeVehicle(id)) {
            throw new NotFoundException("No vehicle with this id.");
        }
    }

    private UUID existingHub(UUID hubId) {
        if (hubId != null && network.findHub(hubId).isEmpty()) {
            throw new InvalidRequestException("hub_id", "is not an existing hub");
        }
        return hubId;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Hub fields as a client sends them; the time zone as an IANA id. */
    public record HubChange(String hubName, String city, String address, Double latitude, Double longitude,
            String timeZone) {

        public HubChange(String hubName, String city, String address, Double latitude, Double longitude) {
            this(hubName, city, address, latitude, longitude, null);
        }
    }

    /** Vehicle fields as a client sends them; type and status in their wire form. */
    public record VehicleChange(String registrationNumber, String type, BigDecimal capacityKg, UUID hubId,
            String status) {
    }
}
