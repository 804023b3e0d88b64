package io.waybill.network;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where hubs and vehicles are kept. Adding or saving a duplicate name or registration is a conflict. */
public interface NetworkRepository {

    void add(Hub hub);

    void save(Hub hub);

    Optional<Hub> findHub(UUID id);

    Page<Hub> hubs(PageQuery page);

    List<Hub> allHubs();

    /** The hubs whose name or city is one of these, ignoring case, oldest first. */
    List<Hub> hubsNamed(Collection<String> places);

    /** Removes a hub; a conflict while vehicles are based there. */
    boolean removeHub(UUID id);

    void add(Vehicle vehicle);

    void save(Vehicle vehicle);

    Optional<Vehicle> findVehicle(UUID id);

    /** The vehicle this agent drives, if any. */
    Optional<Vehicle> vehicleOfAgent(UUID agentId);

    /** Whatever this account drove is assigned to nobody now. */
    void unassignAgent(UUID agentId);

    Page<Vehicle> vehicles(PageQuery page);

    boolean removeVehicle(UUID id);
}
