package io.waybill.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.network.NetworkService;
import io.waybill.network.Vehicle;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/vehicles")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: vehicles")
class VehicleController {

    private final NetworkService network;

    VehicleController(NetworkService network) {
        this.network = network;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a vehicle", description = "type: bike, car, van or truck; status: available "
            + "(default), in_service, maintenance or retired.")
    @ApiResponse(responseCode = "201", description = "The vehicle")
    ResponseEntity<VehicleResponse> add(@RequestBody VehicleRequest request) {
        Vehicle vehicle = network.addVehicle(request.fields());
        return ResponseEntity.created(URI.create("/admin/vehicles/" + vehicle.id())).body(VehicleResponse.of(vehicle));
    }

    @GetMapping
    @Operation(summary = "List vehicles by registration number")
    Page<VehicleResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return network.vehicles(PageQuery.of(page, size)).map(VehicleResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vehicle")
    VehicleResponse get(@PathVariable UUID id) {
        return VehicleResponse.of(network.vehicle(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a vehicle", description = "Fields left out keep their value.")
    VehicleResponse change(@PathVariable UUID id, @RequestBody VehicleRequest request) {
        return VehicleResponse.of(network.changeVehicle(id, request.fields()));
    }

    @PutMapping(path = "/{id}/agent", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign a vehicle to a delivery agent", description = "agent_id: an active agent account "
            + "of this carrier (422 otherwise), or null to unassign; the field is required. An agent drives one "
            + "vehicle at a time (409 while it has another); a vehicle in maintenance or retired is assigned to "
            + "nobody (409).")
    VehicleResponse assign(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return VehicleResponse.of(network.assignVehicle(id, agentOf(body)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a vehicle")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        network.removeVehicle(id);
        return ResponseEntity.noContent().build();
    }

    record VehicleRequest(String registrationNumber, String type, BigDecimal capacityKg, UUID hubId, String status) {

        NetworkService.VehicleChange fields() {
            return new NetworkService.VehicleChange(registrationNumber, type, capacityKg, hubId, status);
        }
    }

    /**
     * {@code agent_id} must be named, null to unassign, so that a body that forgot it unassigns nobody
     * by accident: read as a map, where a field left out and a null one differ.
     */
    static UUID agentOf(Map<String, Object> body) {
        if (body == null || !body.containsKey("agent_id")) {
            throw new InvalidRequestException("agent_id", "is required: an agent's id, or null to unassign");
        }
        Object agent = body.get("agent_id");
        if (agent == null) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(agent));
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidRequestException("agent_id", "must be an account id (a UUID) or null");
        }
    }

    record VehicleResponse(UUID id, String registrationNumber, String type, BigDecimal capacityKg, UUID hubId,
            String status, UUID agentId, Instant createdAt) {

        static VehicleResponse of(Vehicle vehicle) {
            return new VehicleResponse(vehicle.id(), vehicle.registrationNumber(),
                    vehicle.type().name().toLowerCase(Locale.ROOT), vehicle.capacityKg().stripTrailingZeros(),
                    vehicle.hubId(), vehicle.status().name().toLowerCase(Locale.ROOT), vehicle.agentId(),
                    vehicle.createdAt());
        }
    }
}
