package io.waybill.linehaul;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where bags and what they hold are kept. */
public interface BagRepository {

    Optional<Bag> find(UUID id);

    Optional<Bag> find(BagCode code);

    /** Loads a bag and locks it until the transaction ends, so that changes to it queue up. */
    Optional<Bag> lock(UUID id);

    Optional<Bag> lock(BagCode code);

    boolean exists(BagCode code);

    void add(Bag bag);

    /**
     * Stores the bag as it is now, with what it holds. A shipment that another bag still holds is
     * refused ({@link io.waybill.kernel.ConflictException}): the store, not a read before, decides,
     * so two bags filled at once cannot both take it.
     */
    void update(Bag bag);

    /** The bags loaded onto a flight, locked until the transaction ends, in id order. */
    List<Bag> lockOnFlight(UUID flightId);

    /**
     * For each of these shipments that a bag carried, the hub where the last bag that carried it was
     * opened (its destination hub): where it waits for its next leg, if it has not moved on since.
     */
    Map<UUID, UUID> lastOpenedAt(Collection<UUID> shipmentIds);

    /** The bags assigned to an agent that are not opened yet, newest first. */
    List<Bag> assignedTo(UUID agentId);
}
