package io.waybill.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.network.Lane;
import io.waybill.network.LaneService;
import java.net.URI;
import java.time.Instant;
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
@RequestMapping("/admin/lanes")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: lanes", description = "Transit days between cities, from which bookings get a promised "
        + "delivery date.")
class LaneController {

    private final LaneService lanes;

    LaneController(LaneService lanes) {
        this.lanes = lanes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a lane", description = "One lane per origin and destination city (names compared "
            + "ignoring case); 409 for a second. Transit days 0 to 60, express not more than standard.")
    @ApiResponse(responseCode = "201", description = "The lane")
    ResponseEntity<LaneResponse> add(@RequestBody LaneRequest request) {
        Lane lane = lanes.add(request.fields());
        return ResponseEntity.created(URI.create("/admin/lanes/" + lane.id())).body(LaneResponse.of(lane));
    }

    @GetMapping
    @Operation(summary = "List lanes by origin, then destination city")
    Page<LaneResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return lanes.lanes(PageQuery.of(page, size)).map(LaneResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lane")
    LaneResponse get(@PathVariable UUID id) {
        return LaneResponse.of(lanes.lane(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a lane", description = "Fields left out keep their value. Shipments booked "
            + "before keep their promised date.")
    LaneResponse change(@PathVariable UUID id, @RequestBody LaneRequest request) {
        return LaneResponse.of(lanes.change(id, request.fields()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a lane", description = "Bookings between its cities then get the default "
            + "transit days.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        lanes.remove(id);
        return ResponseEntity.noContent().build();
    }

    record LaneRequest(String originCity, String destinationCity, Integer standardTransitDays,
            Integer expressTransitDays) {

        LaneService.LaneChange fields() {
            return new LaneService.LaneChange(originCity, destinationCity, standardTransitDays, expressTransitDays);
        }
    }

    record LaneResponse(UUID id, String originCity, String destinationCity, int standardTransitDays,
            int expressTransitDays, Instant createdAt, Instant updatedAt) {

        static LaneResponse of(Lane lane) {
            return new LaneResponse(lane.id(), lane.originCity(), lane.destinationCity(), lane.standardTransitDays(),
                    lane.expressTransitDays(), lane.createdAt(), lane.updatedAt());
        }
    }
}
