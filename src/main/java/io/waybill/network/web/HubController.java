package io.waybill.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.network.Hub;
import io.waybill.network.NetworkService;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
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
@RequestMapping("/admin/hubs")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: hubs")
class HubController {

    private final NetworkService network;

    HubController(NetworkService network) {
        this.network = network;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a hub", description = "New shipments whose source address names its city are "
            + "routed to it. time_zone (IANA, e.g. Asia/Kolkata) defaults to waybill.time-zone; scans at a place "
            + "naming the hub's city are shown in it.")
    @ApiResponse(responseCode = "201", description = "The hub")
    ResponseEntity<HubResponse> add(@RequestBody HubRequest request) {
        Hub hub = network.addHub(request.fields());
        return ResponseEntity.created(URI.create("/admin/hubs/" + hub.id())).body(HubResponse.of(hub));
    }

    @GetMapping
    @Operation(summary = "List hubs by name")
    Page<HubResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return network.hubs(PageQuery.of(page, size)).map(HubResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One hub")
    HubResponse get(@PathVariable UUID id) {
        return HubResponse.of(network.hub(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a hub", description = "Fields left out keep their value.")
    HubResponse change(@PathVariable UUID id, @RequestBody HubRequest request) {
        return HubResponse.of(network.changeHub(id, request.fields()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Close a hub", description = "409 while vehicles are based there.")
    @ApiResponse(responseCode = "204", description = "Closed")
    @ApiResponse(responseCode = "409", description = "Vehicles are based at this hub")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        network.removeHub(id);
        return ResponseEntity.noContent().build();
    }

    record HubRequest(String hubName, String city, String address, Double latitude, Double longitude,
            String timeZone) {

        NetworkService.HubChange fields() {
            return new NetworkService.HubChange(hubName, city, address, latitude, longitude, timeZone);
        }
    }

    record HubResponse(UUID id, String hubName, String city, String address, Double latitude, Double longitude,
            Instant createdAt, String timeZone) {

        static HubResponse of(Hub hub) {
            return new HubResponse(hub.id(), hub.hubName(), hub.city(), hub.address(), hub.latitude(),
                    hub.longitude(), hub.createdAt(), hub.timeZone());
        }
    }
}
