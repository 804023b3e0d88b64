package io.waybill.network;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import io.waybill.kernel.SingleLineText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A vehicle of the fleet, optionally based at a hub and assigned to one delivery agent ({@code agentId},
 * null when nobody drives it). Only an agent account of the vehicle's tenant is assigned one, an agent
 * drives one vehicle at a time, and a vehicle in maintenance or retired is assigned to nobody: it is
 * unassigned before it goes out of service.
 */
public record Vehicle(UUID id, String registrationNumber, Type type, BigDecimal capacityKg, UUID hubId,
        Status status, Instant createdAt, UUID agentId) {

    public enum Type { BIKE, CAR, VAN, TRUCK }

    public enum Status {
        AVAILABLE, IN_SERVICE, MAINTENANCE, RETIRED;

        boolean canBeDriven() {
            return this == AVAILABLE || this == IN_SERVICE;
        }
    }

    public Vehicle {
        registrationNumber = SingleLineText.required("registration_number", registrationNumber, 40)
                .toUpperCase(Locale.ROOT);
        if (type == null) {
            throw new InvalidRequestException("type", "is required: one of " + wireNames(Type.values()));
        }
        if (capacityKg == null || capacityKg.signum() <= 0 || capacityKg.compareTo(new BigDecimal("100000")) > 0) {
            throw new InvalidRequestException("capacity_kg", "is required: more than 0 and at most 100000");
        }
        if (status == null) {
            status = Status.AVAILABLE;
        }
        if (agentId != null && !status.canBeDriven()) {
            throw new ConflictException((status == Status.RETIRED ? "A retired vehicle" : "A vehicle in maintenance")
                    + " cannot be assigned to an agent: unassign it first (agent_id null).");
        }
    }

    /** A vehicle nobody drives. */
    public Vehicle(UUID id, String registrationNumber, Type type, BigDecimal capacityKg, UUID hubId, Status status,
            Instant createdAt) {
        this(id, registrationNumber, type, capacityKg, hubId, status, createdAt, null);
    }

    /**
     * This vehicle assigned to {@code agentId}, or to nobody if null. {@code accountRole} is the
     * role of that account as this tenant knows it (empty: none, deleted or disabled);
     * {@code agentsVehicle} the vehicle the agent drives now, if any.
     */
    Vehicle assignedTo(UUID agentId, Optional<Role> accountRole, Optional<Vehicle> agentsVehicle) {
        if (agentId == null) {
            return withAgent(null);
        }
        if (accountRole.filter(role -> role == Role.AGENT).isEmpty()) {
            throw new InvalidRequestException("agent_id", "is not an active agent account of this carrier");
        }
        agentsVehicle.filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new ConflictException("This agent already drives " + other.registrationNumber()
                    + ": unassign it first.");
        });
        return withAgent(agentId);
    }

    private Vehicle withAgent(UUID agent) {
        return new Vehicle(id, registrationNumber, type, capacityKg, hubId, status, createdAt, agent);
    }

    static <E extends Enum<E>> E parse(Class<E> kind, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E[] constants = kind.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> constant.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "must be one of " + wireNames(constants)));
    }

    static String wireNames(Enum<?>[] constants) {
        return String.join(", ", Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
