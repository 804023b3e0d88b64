package io.waybill.delivery.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.RequiresScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.delivery.AgentLocationService;
import io.waybill.delivery.LocationBatch;
import io.waybill.delivery.ReportedPoint;
import io.waybill.kernel.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agent locations", description = "Where delivery agents are: their phones' points, trails, latest positions")
class AgentLocationController {

    private final AgentLocationService locations;

    AgentLocationController(AgentLocationService locations) {
        this.locations = locations;
    }

    @RequiresScope(ApiScope.SCANS_WRITE)
    @PostMapping(path = "/agents/me/locations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Report the calling agent's location points", description = "A batch of 1 to 100 points "
            + "{lat, lon, accuracy_m?, recorded_at}. Each point is judged on its own: taken more than 24 h ago "
            + "(too_old), more than 2 min in the future (in_future) or with a missing or impossible field "
            + "(invalid) it is refused, the others are stored. The answer lists the indexes accepted and, for "
            + "each refused point, its index, reason and field. 422 for an empty batch or more than 100 points.")
    LocationBatchResponse report(@RequestBody LocationBatchRequest request, Caller caller) {
        return LocationBatchResponse.of(locations.report(caller, request.reported()));
    }

    record LocationBatchRequest(List<LocationPointRequest> points) {

        List<ReportedPoint> reported() {
            return points == null ? null : points.stream().map(point -> point == null ? null
                    : new ReportedPoint(point.lat(), point.lon(), point.accuracyM(), point.recordedAt())).toList();
        }
    }

    record LocationPointRequest(Double lat, Double lon, Double accuracyM, Instant recordedAt) {
    }

    record LocationBatchResponse(List<Integer> accepted, List<RefusedLocationPoint> refused) {

        static LocationBatchResponse of(LocationBatch batch) {
            return new LocationBatchResponse(batch.accepted().stream().map(LocationBatch.Accepted::index).toList(),
                    batch.refused().stream().map(refused -> new RefusedLocationPoint(refused.index(),
                            refused.reason().wireName(), refused.field(), refused.detail())).toList());
        }
    }

    record RefusedLocationPoint(int index, String reason, String field, String detail) {
    }
}
