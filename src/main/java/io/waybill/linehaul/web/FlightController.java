package io.waybill.linehaul.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.TimeZones;
import io.waybill.linehaul.Bag;
import io.waybill.linehaul.Flight;
import io.waybill.linehaul.FlightProviderLink;
import io.waybill.linehaul.FlightReport;
import io.waybill.linehaul.FlightService;
import io.waybill.linehaul.FlightStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Line haul: flights", description = "Flights that carry sealed bags, their status from admins or the "
        + "flight-data provider, and what it does to the shipments on board.")
class FlightController {

    private final FlightService flights;
    private final FlightProviderLink provider;

    FlightController(FlightService flights, FlightProviderLink provider) {
        this.flights = flights;
        this.provider = provider;
    }

    @PostMapping(path = "/flights", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Schedule a flight", description = "carrier_code: an IATA airline code (two letters or "
            + "digits); flight_number: 1 to 4 digits and an optional letter; airports: IATA codes (three letters), "
            + "different; arrival after departure. The airports' IATA time zones (optional, default UTC) are those "
            + "the tracking entries show times in.")
    @ApiResponse(responseCode = "201", description = "The flight")
    ResponseEntity<FlightResponse> schedule(@RequestBody FlightRequest request, Caller caller) {
        Flight flight = flights.schedule(caller, new Flight.Route(request.carrierCode(), request.flightNumber(),
                request.departureAirport(), request.arrivalAirport(), request.scheduledDeparture(),
                request.scheduledArrival(), TimeZones.optional("departure_time_zone", request.departureTimeZone()),
                TimeZones.optional("arrival_time_zone", request.arrivalTimeZone())));
        return ResponseEntity.created(URI.create("/flights/" + flight.id())).body(FlightResponse.of(flight));
    }

    @GetMapping("/flights/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "One flight")
    FlightResponse get(@PathVariable UUID id, Caller caller) {
        return FlightResponse.of(flights.get(caller, id));
    }

    @PostMapping(path = "/flights/{id}/bags", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Load sealed bags onto a flight", description = "bags: their ids or codes. Only sealed "
            + "(or dispatched) bags on no other flight, onto a flight that has not departed (409 otherwise). "
            + "Answers the codes of the bags on board.")
    LoadedResponse load(@PathVariable UUID id, @RequestBody LoadRequest request, Caller caller) {
        List<Bag> onBoard = flights.load(caller, id, request.bags());
        return new LoadedResponse(id, onBoard.stream().map(bag -> bag.code().value()).toList());
    }

    @PostMapping(path = "/flights/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Report a flight's status", description = "status: scheduled, delayed, departed, landed, "
            + "cancelled, diverted, as the lifecycle allows (409 otherwise); estimated_departure and "
            + "estimated_arrival optional. Cascades to the bags on board and their shipments: departed and landed "
            + "write an entry on each (\"Departed DEL 14:05 on AI 101\"), delayed writes one and moves each "
            + "estimated delivery to the day it now lands, cancelled takes the bags back to their origin hub. "
            + "Publishes flight.status.updated. The same report twice changes nothing (outcome unchanged).")
    UpdateResponse status(@PathVariable UUID id, @RequestBody StatusRequest request, Caller caller) {
        FlightStatus status = FlightStatus.fromWire(request.status()).orElseThrow(() -> new InvalidRequestException(
                "status", "is required: one of scheduled, delayed, departed, landed, cancelled, diverted"));
        return UpdateResponse.of(flights.report(caller, id, new FlightReport(status, request.estimatedDeparture(),
                request.estimatedArrival())));
    }

    @PostMapping("/flights/{id}/sync")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Pull a flight's status from the provider", description = "Asks the flight-data provider "
            + "(WAYBILL_FLIGHTS_BASE_URL, an Aviationstack-like API) and applies its answer as a report would. 409 "
            + "when no provider is configured or it cannot answer now.")
    UpdateResponse sync(@PathVariable UUID id, Caller caller) {
        return UpdateResponse.of(provider.sync(caller, id));
    }

    @PostMapping("/flights/{id}/alerts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Subscribe a flight's alerts with the provider", description = "The provider "
            + "(AeroDataBox-like) then posts the flight's changes to WAYBILL_FLIGHTS_CALLBACK_URL, which is "
            + "POST /flights/webhook. 409 when no provider or callback URL is configured or it refuses.")
    FlightResponse alerts(@PathVariable UUID id, Caller caller) {
        return FlightResponse.of(provider.subscribeAlerts(caller, id));
    }

    @PostMapping(path = "/flights/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "401", description = "No signature, or one that does not match the body")
    @Operation(summary = "Receive a flight alert from the provider", description = "No token: the body "
            + "(AeroDataBox-like: {\"flights\": [{\"number\": \"AI 101\", \"status\": \"Departed\", "
            + "\"departure\": {\"airport\": {\"iata\": \"DEL\"}, \"scheduledTime\": {\"utc\": "
            + "\"2026-12-02 08:35Z\"}, \"revisedTime\": {...}}, \"arrival\": {...}}]}) is signed with the shared "
            + "secret (WAYBILL_FLIGHTS_WEBHOOK_SECRET): X-Signature is its HMAC-SHA256 in hex; 401 otherwise. 202 "
            + "with outcome applied, unchanged, duplicate (the same alert again: nothing changes) or ignored (a "
            + "flight Waybill does not know, a status it does not follow, or news the flight's lifecycle is past).")
    AlertResponse webhook(@RequestBody String body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        FlightService.Applied applied = flights.receiveAlert(body, signature);
        return new AlertResponse(applied.outcome().wireName(),
                applied.flight() == null ? null : applied.flight().id());
    }

    record FlightRequest(String carrierCode, String flightNumber, String departureAirport, String arrivalAirport,
            Instant scheduledDeparture, Instant scheduledArrival, String departureTimeZone, String arrivalTimeZone) {
    }

    record LoadRequest(List<String> bags) {
    }

    record StatusRequest(String status, Instant estimatedDeparture, Instant estimatedArrival) {
    }

    record LoadedResponse(UUID flightId, List<String> bags) {
    }

    record AlertResponse(String outcome, UUID flightId) {
    }

    record UpdateResponse(String outcome, FlightResponse flight) {

        static UpdateResponse of(FlightService.Applied applied) {
            return new UpdateResponse(applied.outcome().wireName(), FlightResponse.of(applied.flight()));
        }
    }

    record FlightResponse(UUID id, String carrierCode, String flightNumber, String departureAirport,
            String arrivalAirport, Instant scheduledDeparture, Instant scheduledArrival, String status,
            Instant estimatedDeparture, Instant estimatedArrival, String alertSubscription, Instant updatedAt) {

        static FlightResponse of(Flight flight) {
            Flight.Route route = flight.route();
            return new FlightResponse(flight.id(), route.carrierCode(), route.flightNumber(),
                    route.departureAirport(), route.arrivalAirport(), route.scheduledDeparture(),
                    route.scheduledArrival(), flight.status().wireName(), flight.estimatedDeparture(),
                    flight.estimatedArrival(), flight.alertSubscription(), flight.updatedAt());
        }
    }
}
