package io.waybill.linehaul.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.linehaul.Bag;
import io.waybill.linehaul.BagService;
import io.waybill.linehaul.BagStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Line haul: bags", description = "Shipments consolidated at a hub for another hub. {id} is the bag's "
        + "UUID or its code (BAG + 10 digits). Admins see every bag, an agent the bags assigned to them; for anyone "
        + "else a bag does not exist (404).")
class BagController {

    private static final String BAG_ID = "UUID or bag code";

    private final BagService bags;

    BagController(BagService bags) {
        this.bags = bags;
    }

    @PostMapping(path = "/bags", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Open a bag", description = "An empty, open bag at an origin hub for a destination hub, "
            + "with a new code. Admins only (agents are not tied to hubs yet).")
    @ApiResponse(responseCode = "201", description = "The bag")
    ResponseEntity<BagResponse> open(@RequestBody OpenBagRequest request, Caller caller) {
        Bag bag = bags.open(caller, request.originHubId(), request.destinationHubId());
        return ResponseEntity.created(URI.create("/bags/" + bag.id())).body(BagResponse.of(bag));
    }

    @GetMapping("/bags/{id}")
    @Operation(summary = "One bag, with the ids of the shipments inside")
    BagResponse get(@Parameter(description = BAG_ID) @PathVariable String id, Caller caller) {
        return BagResponse.of(bags.get(caller, id));
    }

    @GetMapping("/bags/{id}/label")
    @Operation(summary = "A bag's label", description = "A 4x6-inch PDF: a QR code of the bag code (what POST "
            + "/bags/{id}/scans takes as {id}), the code printed, the origin and destination hubs and the number of "
            + "shipments. For whoever may see the bag.")
    ResponseEntity<byte[]> label(@Parameter(description = BAG_ID) @PathVariable String id, Caller caller) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("bag-label.pdf").build()
                        .toString())
                .body(bags.label(caller, id));
    }

    @PostMapping(path = "/bags/{id}/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put shipments in an open bag", description = "Each must wait at the bag's origin hub: "
            + "routed there and not have left it (created or picked_up), or brought there in transit by an earlier bag "
            + "opened there (its next leg), else 409; one that another bag holds until it is opened "
            + "is refused (409); an unknown id is refused (422). One already in this bag stays. Up to 1000 ids. "
            + "Admins only (403 for the bag's agent).")
    @ApiResponse(responseCode = "403", description = "The caller may see the bag but not fill it")
    BagResponse add(@Parameter(description = BAG_ID) @PathVariable String id, @RequestBody BagShipmentsRequest request,
            Caller caller) {
        return BagResponse.of(bags.add(caller, id, request.shipmentIds()));
    }

    @DeleteMapping("/bags/{id}/shipments/{shipmentId}")
    @Operation(summary = "Take a shipment out of an open bag", description = "404 when it is not in the bag; 409 once "
            + "the bag is sealed.")
    @ApiResponse(responseCode = "200", description = "The bag")
    @ApiResponse(responseCode = "403", description = "The caller may see the bag but not change it")
    BagResponse remove(@Parameter(description = BAG_ID) @PathVariable String id, @PathVariable UUID shipmentId,
            Caller caller) {
        return BagResponse.of(bags.remove(caller, id, shipmentId));
    }

    @PostMapping("/bags/{id}/seal")
    @Operation(summary = "Seal a bag", description = "A sealed bag takes no more changes (409); an empty bag cannot "
            + "be sealed (409). Publishes bag.sealed.")
    @ApiResponse(responseCode = "403", description = "The caller may see the bag but not seal it")
    BagResponse seal(@Parameter(description = BAG_ID) @PathVariable String id, Caller caller) {
        return BagResponse.of(bags.seal(caller, id));
    }

    @PostMapping(path = "/bags/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign the agent who carries a bag", description = "Until it is opened (409 after).")
    @ApiResponse(responseCode = "403", description = "The caller may see the bag but not assign it")
    BagResponse assign(@Parameter(description = BAG_ID) @PathVariable String id, @RequestBody BagAssignRequest request,
            Caller caller) {
        return BagResponse.of(bags.assign(caller, id, request.agentId()));
    }

    @PostMapping(path = "/bags/{id}/scans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Scan a bag", description = "event: dispatched (after sealing), arrived, opened, in that "
            + "order (409 otherwise). Every shipment inside gets one entry in the same transaction, or none does "
            + "(409 naming a shipment no longer between hubs): dispatched moves them in_transit at the origin hub, "
            + "arrived records them at the destination hub, opened records them there and frees them for another "
            + "bag. location defaults to the hub's name. Admins and the bag's agent. Publishes bag.scanned and one "
            + "shipment.status.updated per shipment.")
    BagScanResponse scan(@Parameter(description = BAG_ID) @PathVariable String id, @RequestBody BagScanRequest request,
            Caller caller) {
        BagStatus event = BagStatus.scanEvent(request.event()).orElseThrow(
                () -> new InvalidRequestException("event", "is required: one of dispatched, arrived, opened"));
        BagService.ScannedBag scanned = bags.scan(caller, id, event, request.location());
        return new BagScanResponse(BagResponse.of(scanned.bag()), event.wireName(), scanned.location(),
                scanned.shipmentCount(), scanned.scannedAt());
    }

    @GetMapping("/courier/bags")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "The bags assigned to the calling agent", description = "Those not opened yet, newest "
            + "first (at most 200).")
    List<BagResponse> carried(Caller caller) {
        return bags.carriedBy(caller).stream().map(BagResponse::of).toList();
    }

    record OpenBagRequest(UUID originHubId, UUID destinationHubId) {
    }

    record BagShipmentsRequest(List<UUID> shipmentIds) {
    }

    record BagAssignRequest(UUID agentId) {
    }

    record BagScanRequest(String event, String location) {
    }

    record BagScanResponse(BagResponse bag, String event, String location, int shipmentCount, Instant scannedAt) {
    }

    record BagResponse(UUID id, String code, UUID originHubId, UUID destinationHubId, String status, UUID agentId,
            int shipmentCount, List<UUID> shipmentIds, Instant createdAt, Instant updatedAt) {

        static BagResponse of(Bag bag) {
            return new BagResponse(bag.id(), bag.code().value(), bag.originHubId(), bag.destinationHubId(),
                    bag.status().wireName(), bag.agentId(), bag.shipmentIds().size(), bag.shipmentsInOrder(),
                    bag.createdAt(), bag.updatedAt());
        }
    }
}
