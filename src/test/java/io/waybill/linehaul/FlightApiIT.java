package io.waybill.linehaul;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.waybill.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Flights over HTTP, with the flight-data provider played by a stub on this machine that answers as
 * Aviationstack (status) and AeroDataBox (alert subscriptions) do.
 */
class FlightApiIT extends LineHaulFixtures {

    private static final String SECRET = "flight-alerts-test-secret";
    private static final Provider PROVIDER = new Provider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("waybill.flights.base-url", () -> "http://127.0.0.1:" + PROVIDER.port());
        registry.add("waybill.flights.api-key", () -> "test-key");
        registry.add("waybill.flights.webhook-secret", () -> SECRET);
        registry.add("waybill.flights.callback-url", () -> "https://waybill.test/flights/webhook");
    }

    /** A sealed bag from a new hub to another with two routed shipments, on a new flight; answers both. */
    private record Loaded(String flight, String bag, List<String> shipments, Account customer) {
    }

    private Loaded loadedFlight(String number, Instant departure) {
        String admin = admin().token();
        String from = city("Flyfrom");
        String origin = hub(from);
        String destination = hub(city("Flyto"));
        Account customer = customer();
        List<String> shipments = List.of(routedShipment(customer, from), routedShipment(customer, from));
        String bag = openBag(admin, origin, destination).text("id");
        assertThat(put(admin, bag, shipments.toArray(String[]::new)).status()).isEqualTo(200);
        assertThat(api.post("/bags/" + bag + "/seal", admin, Map.of()).status()).isEqualTo(200);
        Api.Response flight = api.post("/flights", admin, Map.of("carrier_code", "ai", "flight_number", number,
                "departure_airport", "DEL", "arrival_airport", "BOM", "scheduled_departure", departure.toString(),
                "scheduled_arrival", departure.plus(2, ChronoUnit.HOURS).toString(),
                "departure_time_zone", "Asia/Kolkata", "arrival_time_zone", "Asia/Kolkata"));
        assertThat(flight.status()).as(flight.toString()).isEqualTo(201);
        assertThat(flight.text("carrier_code")).isEqualTo("AI");
        String code = api.get("/bags/" + bag, admin).text("code");
        Api.Response loaded = api.post("/flights/" + flight.text("id") + "/bags", admin, Map.of("bags", List.of(code)));
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
        return new Loaded(flight.text("id"), bag, shipments, customer);
    }

    private List<String> notes(String shipment) {
        return database().sql("select note from shipments.tracking_updates where shipment_id = ?::uuid and seq > 0 "
                + "order by seq").param(shipment).query(String.class).list();
    }

    @Test
    void shouldCascadeADelayTheDepartureAndTheLandingToEveryShipmentOnBoard() {
        String admin = admin().token();
        Instant departure = Instant.parse("2026-12-20T08:35:00Z");
        Loaded flight = loadedFlight("101", departure);
        String shipment = flight.shipments().get(0);
        LocalDate estimate = LocalDate.parse(api.get("/shipments/" + shipment, flight.customer().token())
                .text("estimated_delivery"));
        assertThat(estimate).isBefore(LocalDate.of(2026, 12, 20));

        Instant later = departure.plus(2, ChronoUnit.HOURS);
        Api.Response delayed = api.post("/flights/" + flight.flight() + "/status", admin, Map.of("status", "delayed",
                "estimated_departure", later.toString(), "estimated_arrival", later.plus(2, ChronoUnit.HOURS).toString()));
        assertThat(delayed.status()).as(delayed.toString()).isEqualTo(200);
        assertThat(delayed.text("outcome")).isEqualTo("applied");
        LocalDate lands = later.plus(2, ChronoUnit.HOURS).atZone(ZoneId.of("Asia/Kolkata")).toLocalDate();
        for (String each : flight.shipments()) {
            assertThat(api.get("/shipments/" + each, flight.customer().token()).text("estimated_delivery"))
                    .isEqualTo(lands.toString());
        }
        // The same report again changes nothing.
        assertThat(api.post("/flights/" + flight.flight() + "/status", admin, Map.of("status", "delayed",
                "estimated_departure", later.toString())).text("outcome")).isEqualTo("unchanged");

        assertThat(api.post("/flights/" + flight.flight() + "/status", admin, Map.of("status", "departed"))
                .status()).isEqualTo(200);
        assertThat(api.post("/flights/" + flight.flight() + "/status", admin, Map.of("status", "landed"))
                .status()).isEqualTo(200);
        assertProblem(api.post("/flights/" + flight.flight() + "/status", admin, Map.of("status", "departed")), 409);

        String at = later.atZone(ZoneId.of("Asia/Kolkata")).toLocalTime().toString();
        assertThat(notes(shipment)).containsExactly("Flight AI 101 delayed: departs DEL " + at,
                "Departed DEL " + at + " on AI 101", "Landed BOM "
                        + later.plus(2, ChronoUnit.HOURS).atZone(ZoneId.of("Asia/Kolkata")).toLocalTime() + " on AI 101");
        assertThat(api.get("/shipments/" + shipment, flight.customer().token()).text("status")).isEqualTo("in_transit");
        assertThat(api.get("/bags/" + flight.bag(), admin).text("status")).isEqualTo("dispatched");
        assertThat(database().sql("select envelope->'payload'->>'status' || ' ' || (envelope->'payload'->>'shipment_count') "
                + "from eventing.outbox where event_key = ? order by id").param(flight.flight()).query(String.class)
                .list()).containsExactly("delayed 2", "departed 2", "landed 2");
    }

    @Test
    void shouldTakeTheBagsBackToTheHubWhenTheFlightIsCancelled() {
        String admin = admin().token();
        Loaded flight = loadedFlight("202", Instant.parse("2026-12-21T10:00:00Z"));

        assertThat(api.post("/flights/" + flight.flight() + "/status", admin, Map.of("status", "cancelled"))
                .status()).isEqualTo(200);

        assertThat(notes(flight.shipments().get(1))).containsExactly("Flight AI 202 cancelled: back at the hub");
        assertThat(database().sql("select location from shipments.tracking_updates where shipment_id = ?::uuid "
                + "order by seq desc limit 1").param(flight.shipments().get(1)).query(String.class).single())
                .startsWith("Hub of Flyfrom");
        assertThat(api.get("/bags/" + flight.bag(), admin).text("status")).isEqualTo("sealed");
        assertThat(database().sql("select count(*) from linehaul.bags where id = ?::uuid and flight_id is not null")
                .param(flight.bag()).query(Long.class).single()).isZero();
    }

    @Test
    void shouldApplySignedAlertsOnceAndIgnoreUnknownFlights() {
        Loaded flight = loadedFlight("303", Instant.parse("2026-12-22T06:00:00Z"));
        String alert = alert("AI 303", "Departed", "2026-12-22 06:00Z");

        assertProblem(webhook(alert, null), 401);
        assertProblem(webhook(alert, "sha256=" + "0".repeat(64)), 401);
        assertProblem(webhook(alert, sign(alert.replace("Departed", "Cancelled"))), 401);

        Api.Response applied = webhook(alert, "sha256=" + sign(alert));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
        assertThat(applied.text("outcome")).isEqualTo("applied");
        Api.Response again = webhook(alert, sign(alert));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("outcome")).isEqualTo("duplicate");
        assertThat(notes(flight.shipments().get(0))).containsExactly("Departed DEL 11:30 on AI 303");

        String unknown = alert("AI 9999", "Departed", "2026-12-22 06:00Z");
        Api.Response ignored = webhook(unknown, sign(unknown));
        assertThat(ignored.status()).isEqualTo(202);
        assertThat(ignored.text("outcome")).isEqualTo("ignored");
        String broken = "{\"flights\": []}";
        assertProblem(webhook(broken, sign(broken)), 422);
    }

    @Test
    void shouldPullTheStatusFromTheProviderAndSubscribeItsAlerts() {
        String admin = admin().token();
        Loaded flight = loadedFlight("404", Instant.parse("2026-12-23T04:00:00Z"));
        PROVIDER.statusAnswer = """
                {"pagination": {"count": 1}, "data": [{"flight_date": "2026-12-23", "flight_status": "active",
                 "departure": {"iata": "DEL", "scheduled": "2026-12-23T04:00:00+00:00", "delay": 20,
                               "actual": "2026-12-23T04:20:00+00:00"},
                 "arrival": {"iata": "BOM", "scheduled": "2026-12-23T06:00:00+00:00",
                             "estimated": "2026-12-23T06:15:00+00:00"},
                 "flight": {"iata": "AI404", "number": "404"}}]}""";

        Api.Response synced = api.post("/flights/" + flight.flight() + "/sync", admin, null);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.body().get("flight").get("status").asString()).isEqualTo("departed");
        assertThat(notes(flight.shipments().get(0))).containsExactly("Departed DEL 09:50 on AI 404");
        assertThat(PROVIDER.requests).anySatisfy(request -> assertThat(request)
                .startsWith("GET /v1/flights?access_key=test-key&flight_iata=AI404&flight_date=2026-12-23"));

        Api.Response subscribed = api.post("/flights/" + flight.flight() + "/alerts", admin, null);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        assertThat(subscribed.text("alert_subscription")).isEqualTo("sub-AI404");
        assertThat(PROVIDER.requests).anySatisfy(request -> assertThat(request)
                .isEqualTo("POST /subscriptions/webhook/FlightByNumber/AI404 test-key "
                        + "{\"url\":\"https://waybill.test/flights/webhook\"}"));

        PROVIDER.statusAnswer = "{\"data\": []}";
        assertProblem(api.post("/flights/" + flight.flight() + "/sync", admin, null), 409);
    }

    @Test
    void shouldRefuseBadFlightsAndBagsThatAreNotSealed() {
        String admin = admin().token();
        Map<String, Object> flight = Map.of("carrier_code", "AI", "flight_number", "101", "departure_airport", "DEL",
                "arrival_airport", "BOM", "scheduled_departure", "2026-12-24T08:00:00Z",
                "scheduled_arrival", "2026-12-24T10:00:00Z");
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of("carrier_code", "A", "flight_number", "12345",
                "departure_airport", "DE1", "arrival_airport", "DEL", "scheduled_arrival", "2026-12-24T07:00:00Z")
                .entrySet()) {
            Map<String, Object> body = new java.util.HashMap<>(flight);
            body.put(wrong.getKey(), wrong.getValue());
            Api.Response refused = api.post("/flights", admin, body);
            assertProblem(refused, 422);
            assertThat(refused.raw()).contains(wrong.getKey());
        }
        assertProblem(api.post("/flights", customer().token(), flight), 403);
        String id = api.post("/flights", admin, flight).text("id");
        String from = city("Flyfrom");
        String open = openBag(admin, hub(from), hub(city("Flyto"))).text("id");
        assertProblem(api.post("/flights/" + id + "/bags", admin, Map.of("bags", List.of(open))), 409);
        assertProblem(api.post("/flights/" + id + "/status", admin, Map.of("status", "boarding")), 422);
    }

    private Api.Response webhook(String body, String signature) {
        return api.send("POST", "/flights/webhook", null, "application/json", body,
                signature == null ? Map.of() : Map.of("X-Signature", signature));
    }

    private static String alert(String number, String status, String scheduledUtc) {
        return """
                {"flights": [{"number": "%s", "status": "%s", "departure": {"airport": {"iata": "DEL"},
                 "scheduledTime": {"utc": "%s", "local": "unused"}}, "arrival": {"airport": {"iata": "BOM"}}}]}"""
                .formatted(number, status, scheduledUtc);
    }

    private static String sign(String body) {
        return HexFormat.of().formatHex(AlertSignature.sign(SECRET, body));
    }

    /** The provider: answers the status it is given, takes subscriptions, and keeps every request it saw. */
    private static final class Provider {

        private final HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile String statusAnswer = "{\"data\": []}";

        Provider() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().toString();
                byte[] answer;
                if (exchange.getRequestMethod().equals("POST")) {
                    requests.add("POST " + path + " " + exchange.getRequestHeaders().getFirst("X-API-Key") + " "
                            + body);
                    answer = ("{\"id\": \"sub-" + path.substring(path.lastIndexOf('/') + 1) + "\", \"isActive\": true}")
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    requests.add("GET " + path);
                    answer = statusAnswer.getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }
    }
}
