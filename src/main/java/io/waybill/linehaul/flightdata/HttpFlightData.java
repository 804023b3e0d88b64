package io.waybill.linehaul.flightdata;

import io.waybill.linehaul.Flight;
import io.waybill.linehaul.FlightData;
import io.waybill.linehaul.FlightDataUnavailableException;
import io.waybill.linehaul.FlightReport;
import io.waybill.linehaul.FlightStatus;
import io.waybill.linehaul.config.FlightDataProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flight-data provider over HTTP with the JDK's client: the status in the manner of
 * Aviationstack ({@code GET /v1/flights?access_key=&flight_iata=AI101&flight_date=}), alert
 * subscriptions in the manner of AeroDataBox ({@code POST /subscriptions/webhook/FlightByNumber/AI101}
 * with the callback URL, the key in {@code X-API-Key}). One base URL and key for both.
 */
@Component
class HttpFlightData implements FlightData {

    /** Aviationstack's {@code flight_status} values, as ours; {@code incident} is left out (unknown). */
    private static final Map<String, FlightStatus> STATUSES = Map.of("scheduled", FlightStatus.SCHEDULED,
            "active", FlightStatus.DEPARTED, "landed", FlightStatus.LANDED, "cancelled", FlightStatus.CANCELLED,
            "diverted", FlightStatus.DIVERTED);

    private final FlightDataProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    HttpFlightData(FlightDataProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public FlightReport status(Flight.Route route) {
        String query = "access_key=" + encode(properties.apiKey()) + "&flight_iata="
                + encode(route.carrierCode() + route.flightNumber()) + "&flight_date="
                + route.scheduledDeparture().atOffset(ZoneOffset.UTC).toLocalDate();
        JsonNode answer = send(HttpRequest.newBuilder(endpoint("/v1/flights?" + query)).GET());
        for (JsonNode flight : answer.path("data")) {
            if (route.departureAirport().equalsIgnoreCase(flight.path("departure").path("iata").asString(""))) {
                return report(flight);
            }
        }
        throw new FlightDataUnavailableException("The flight-data provider does not know " + route.designator()
                + " from " + route.departureAirport() + " on that day.");
    }

    @Override
    public String subscribe(Flight.Route route, String callbackUrl) {
        String body = json.writeValueAsString(Map.of("url", callbackUrl));
        JsonNode answer = send(HttpRequest.newBuilder(endpoint("/subscriptions/webhook/FlightByNumber/"
                        + encode(route.carrierCode() + route.flightNumber())))
                .header("X-API-Key", properties.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String id = answer.path("id").asString("");
        if (id.isBlank()) {
            throw new FlightDataUnavailableException("The flight-data provider took the subscription but gave no id.");
        }
        return id;
    }

    /** A delayed departure is {@code delayed} while the flight has not left. */
    private static FlightReport report(JsonNode flight) {
        FlightStatus status = STATUSES.get(flight.path("flight_status").asString(""));
        if (status == null) {
            throw new FlightDataUnavailableException("The flight-data provider gave a status Waybill does not know: "
                    + flight.path("flight_status").asString("none"));
        }
        JsonNode departure = flight.path("departure");
        if (status == FlightStatus.SCHEDULED && departure.path("delay").asInt(0) > 0) {
            status = FlightStatus.DELAYED;
        }
        return new FlightReport(status, time(departure, "actual", "estimated"),
                time(flight.path("arrival"), "actual", "estimated"));
    }

    private static Instant time(JsonNode place, String... fields) {
        for (String field : fields) {
            String text = place.path(field).asString("");
            if (!text.isBlank()) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException unreadable) {
                    throw new FlightDataUnavailableException("The flight-data provider gave a time Waybill cannot read.");
                }
            }
        }
        return null;
    }

    private URI endpoint(String path) {
        if (properties.baseUrl().isBlank()) {
            throw new FlightDataUnavailableException("No flight-data provider is configured (WAYBILL_FLIGHTS_BASE_URL).");
        }
        return URI.create(properties.baseUrl().replaceAll("/+$", "") + path);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(properties.timeout()).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FlightDataUnavailableException("The flight-data provider did not answer: try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlightDataUnavailableException("Interrupted while asking the flight-data provider.");
        }
        if (response.statusCode() / 100 != 2) {
            throw new FlightDataUnavailableException("The flight-data provider answered " + response.statusCode()
                    + ": try again later.");
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new FlightDataUnavailableException("The flight-data provider answered something that is not JSON.");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
