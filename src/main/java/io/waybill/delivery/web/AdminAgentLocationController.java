package io.waybill.delivery.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.delivery.AgentLocationService;
import io.waybill.delivery.AgentPosition;
import io.waybill.delivery.LocationPoint;
import io.waybill.delivery.Trail;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/agents")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: agent locations")
class AdminAgentLocationController {

    private final AgentLocationService locations;

    AdminAgentLocationController(AgentLocationService locations) {
        this.locations = locations;
    }

    @GetMapping("/{id}/locations")
    @Operation(summary = "An agent's trail", description = "Points taken from `from` (inclusive) to `to` "
            + "(exclusive), oldest first; `to` defaults to now and `from` to an hour before `to`; the window is at "
            + "most 24 h (by default). At most 1000 points per answer (by default): when there are more, `next_from` "
            + "says where to go on.")
    AgentTrailResponse trail(@PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return AgentTrailResponse.of(locations.trail(id, from, to));
    }

    @GetMapping("/locations")
    @Operation(summary = "The latest position of every active agent", description = "Agents whose latest point was "
            + "taken within the active window (an hour by default), the most recently seen first.")
    Page<AgentPositionResponse> latest(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return locations.activeAgents(PageQuery.of(page, size)).map(AgentPositionResponse::of);
    }

    record LocationPointResponse(double lat, double lon, Double accuracyM, Instant recordedAt) {

        static LocationPointResponse of(LocationPoint point) {
            return new LocationPointResponse(point.lat(), point.lon(), point.accuracyM(), point.recordedAt());
        }
    }

    record AgentTrailResponse(UUID agentId, Instant from, Instant to, List<LocationPointResponse> points, Instant nextFrom) {

        static AgentTrailResponse of(Trail trail) {
            return new AgentTrailResponse(trail.agentId(), trail.window().from(), trail.window().to(),
                    trail.points().stream().map(LocationPointResponse::of).toList(), trail.nextFrom());
        }
    }

    record AgentPositionResponse(UUID agentId, double lat, double lon, Double accuracyM, Instant recordedAt,
            Instant receivedAt) {

        static AgentPositionResponse of(AgentPosition position) {
            LocationPoint point = position.point();
            return new AgentPositionResponse(position.agentId(), point.lat(), point.lon(), point.accuracyM(),
                    point.recordedAt(), position.receivedAt());
        }
    }
}
