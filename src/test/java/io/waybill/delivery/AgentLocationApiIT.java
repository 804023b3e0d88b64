package io.waybill.delivery;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Agents' location points over HTTP: batches with late and bad points, the trail and the latest
 * positions for admins, the deletion after the retention, and the customer who sees the agent only
 * while their shipment is out for delivery, in the shipment and on its live stream.
 */
class AgentLocationApiIT extends ApiTest {

    @Autowired
    private AgentLocationService locations;

    @Test
    void shouldStoreTheGoodPointsOfABatchAndSayWhyEachOtherWasRefused() {
        Account agent = agent();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> points = List.of(
                point(12.9716, 77.5946, now.minusSeconds(60)),
                point(12.9700, 77.5900, now.minus(Duration.ofHours(25))),
                point(12.9700, 77.5900, now.plus(Duration.ofMinutes(10))),
                point(91.0, 77.5900, now.minusSeconds(50)),
                point(12.9720, 77.5950, now.minusSeconds(30)));

        Api.Response answer = api.post("/agents/me/locations", agent.token(), Map.of("points", points));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().get("accepted").toString()).isEqualTo("[0,4]");
        JsonNode refused = answer.body().get("refused");
        assertThat(refused.size()).isEqualTo(3);
        assertThat(refused.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(refused.get(0).get("reason").asString()).isEqualTo("too_old");
        assertThat(refused.get(0).get("field").asString()).isEqualTo("recorded_at");
        assertThat(refused.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(refused.get(1).get("reason").asString()).isEqualTo("in_future");
        assertThat(refused.get(2).get("index").asInt()).isEqualTo(3);
        assertThat(refused.get(2).get("reason").asString()).isEqualTo("invalid");
        assertThat(refused.get(2).get("field").asString()).isEqualTo("lat");

        Api.Response trail = api.get("/admin/agents/" + agent.id() + "/locations?from="
                + now.minus(Duration.ofHours(2)), admin().token());
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        JsonNode trailPoints = trail.body().get("points");
        assertThat(trailPoints.size()).isEqualTo(2);
        assertThat(trailPoints.get(0).get("lat").asDouble()).isEqualTo(12.9716);
        assertThat(trailPoints.get(0).get("accuracy_m").asDouble()).isEqualTo(8.5);
        assertThat(Instant.parse(trailPoints.get(0).get("recorded_at").asString())).isEqualTo(now.minusSeconds(60));
        assertThat(trailPoints.get(1).get("lat").asDouble()).isEqualTo(12.9720);
        assertThat(trail.body().get("next_from").isNull()).isTrue();

        // Sent again (the phone never got the answer): nothing is stored twice.
        assertThat(api.post("/agents/me/locations", agent.token(), Map.of("points", points)).status()).isEqualTo(200);
        assertThat(api.get("/admin/agents/" + agent.id() + "/locations?from=" + now.minus(Duration.ofHours(2)),
                admin().token()).body().get("points").size()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAWholeBatchThatIsEmptyTooLargeOrMalformed() {
        String agent = agent().token();
        Instant now = Instant.now();
        List<Map<String, Object>> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> point(12.97, 77.59, now.minusSeconds(i))).toList();

        assertProblem(api.post("/agents/me/locations", agent, Map.of("points", tooMany)), 422);
        assertProblem(api.post("/agents/me/locations", agent, Map.of("points", List.of())), 422);
        assertProblem(api.post("/agents/me/locations", agent, Map.of()), 422);
        assertProblem(api.post("/agents/me/locations", agent, Map.of("points", "here")), 400);
        assertProblem(api.post("/agents/me/locations", agent,
                Map.of("points", List.of(Map.of("lat", "north", "lon", 1, "recorded_at", now.toString())))), 400);
        assertProblem(api.post("/agents/me/locations", agent,
                Map.of("points", List.of(Map.of("lat", 1, "lon", 1, "recorded_at", "yesterday")))), 400);
        assertProblem(api.send("POST", "/agents/me/locations", agent, "application/json", "{\"points\": ["), 400);
        assertThat(api.post("/agents/me/locations", agent, Map.of("points", tooMany.subList(0, 100))).body()
                .get("accepted").size()).isEqualTo(100);
    }

    @Test
    void shouldKeepTheNewestPointAsTheLatestPositionWhicheverBatchArrivesFirst() {
        Account agent = agent();
        Instant now = Instant.now();
        report(agent, point(13.0, 80.0, now.minusSeconds(5)));
        // A phone that was offline sends older points after newer ones: the trail gets them, the latest stays.
        report(agent, point(12.0, 79.0, now.minus(Duration.ofMinutes(30))), point(12.1, 79.1, now.minusSeconds(600)));

        JsonNode latest = latestOf(agent.id());
        assertThat(latest).as("listed as active").isNotNull();
        assertThat(latest.get("lat").asDouble()).isEqualTo(13.0);
        assertThat(latest.get("lon").asDouble()).isEqualTo(80.0);
        assertThat(latest.hasNonNull("received_at")).isTrue();
        assertThat(api.get("/admin/agents/" + agent.id() + "/locations", admin().token()).body().get("points")
                .size()).isEqualTo(3);
    }

    @Test
    void shouldListOnlyAgentsSeenWithinTheActiveWindow() {
        Account recent = agent();
        Account quiet = agent();
        Instant now = Instant.now();
        report(recent, point(13.0, 80.0, now.minusSeconds(10)));
        report(quiet, point(13.0, 80.0, now.minus(Duration.ofHours(2))));

        assertThat(latestOf(recent.id())).isNotNull();
        assertThat(latestOf(quiet.id())).as("last seen 2 h ago").isNull();
        assertThat(api.get("/admin/agents/" + quiet.id() + "/locations?from=" + now.minus(Duration.ofHours(3)),
                admin().token()).body().get("points").size()).isEqualTo(1);
    }

    @Test
    void shouldAnswerALongTrailInPartsAndRefuseAWindowOfMoreThanADay() {
        Account agent = agent();
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> all = IntStream.range(0, 1001)
                .mapToObj(i -> point(12.0 + i / 10_000.0, 77.0, start.plusSeconds(i))).toList();
        for (int from = 0; from < all.size(); from += 100) {
            report(agent, all.subList(from, Math.min(from + 100, all.size())).toArray(Map[]::new));
        }
        String admin = admin().token();

        JsonNode first = api.get("/admin/agents/" + agent.id() + "/locations?from=" + start, admin).body();
        assertThat(first.get("points").size()).isEqualTo(1000);
        Instant next = Instant.parse(first.get("next_from").asString());
        assertThat(next).isAfter(start.plusSeconds(999)).isBefore(start.plusSeconds(1000));
        JsonNode rest = api.get("/admin/agents/" + agent.id() + "/locations?from=" + next, admin).body();
        assertThat(rest.get("points").size()).isEqualTo(1);
        assertThat(Instant.parse(rest.get("points").get(0).get("recorded_at").asString()))
                .isEqualTo(start.plusSeconds(1000));
        assertThat(rest.get("next_from").isNull()).isTrue();

        assertProblem(api.get("/admin/agents/" + agent.id() + "/locations?from=" + start.minus(Duration.ofDays(2))
                + "&to=" + start, admin), 400);
        assertProblem(api.get("/admin/agents/" + agent.id() + "/locations?from=" + start + "&to=" + start, admin), 400);
        assertProblem(api.get("/admin/agents/" + agent.id() + "/locations?from=soon", admin), 400);
        assertProblem(api.get("/admin/agents/not-a-uuid/locations", admin), 400);
    }

    @Test
    void shouldDeletePointsOlderThanTheRetentionAndKeepTheRest() {
        UUID agent = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Duration age : List.of(Duration.ofDays(31), Duration.ofDays(30).plusHours(1), Duration.ofDays(29),
                Duration.ofHours(1))) {
            database().sql("""
                    insert into delivery.pings (agent_id, recorded_at, latitude, longitude, accuracy_m, received_at)
                    values (?, ?, 12.9, 77.5, 5, ?)""")
                    .params(agent, Timestamp.from(now.minus(age)), Timestamp.from(now.minus(age)))
                    .update();
        }

        locations.deleteExpired(100);

        assertThat(database().sql("select recorded_at from delivery.pings where agent_id = ? order by recorded_at")
                .param(agent).query(Timestamp.class).list())
                .extracting(Timestamp::toInstant)
                .containsExactly(now.minus(Duration.ofDays(29)), now.minus(Duration.ofHours(1)));
    }

    @Test
    void shouldShowTheCustomerTheAgentOnlyWhileTheShipmentIsOutForDelivery() throws Exception {
        Account customer = customer();
        Account other = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);
        move(id, agent, "picked_up");
        move(id, agent, "in_transit");
        report(agent, point(12.95, 77.55, Instant.now().minusSeconds(20)));
        awaitEvents();

        assertThat(api.get("/shipments/" + id, customer.token()).body().get("agent_location").isNull())
                .as("in transit: not shown").isTrue();

        move(id, agent, "out_for_delivery");
        JsonNode location = api.get("/shipments/" + id, customer.token()).body().get("agent_location");
        assertThat(location.get("lat").asDouble()).isEqualTo(12.95);
        assertThat(location.get("lon").asDouble()).isEqualTo(77.55);
        assertThat(location.get("accuracy_m").asDouble()).isEqualTo(8.5);
        assertThat(location.hasNonNull("recorded_at")).isTrue();
        assertThat(api.get("/shipments/" + id, agent.token()).body().get("agent_location").isNull()).isFalse();
        assertThat(api.get("/shipments/" + id, admin().token()).body().get("agent_location").isNull()).isFalse();
        assertProblem(api.get("/shipments/" + id, other.token()), 404);

        // On the live stream: the next position, to the customer, not to the public.
        try (LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events", customer.token());
                LiveClients.Stream publicStream = LiveClients.stream(port(), "/track/"
                        + api.get("/shipments/" + id, customer.token()).text("tracking_number") + "/events", null)) {
            eventually(() -> assertThat(stream.events).hasSize(4));
            eventually(() -> assertThat(publicStream.events).hasSize(4));
            report(agent, point(12.96, 77.56, Instant.now()));
            eventually(() -> assertThat(stream.events).anySatisfy(event -> {
                assertThat(event.get("type").asString()).isEqualTo("agent.location");
                assertThat(event.get("shipment_id").asString()).isEqualTo(id);
                assertThat(event.get("lat").asDouble()).isEqualTo(12.96);
            }));
            eventually(() -> assertThat(api.get("/shipments/" + id, customer.token()).body().get("agent_location")
                    .get("lat").asDouble()).isEqualTo(12.96));
            awaitEvents();
            assertThat(publicStream.events).extracting(event -> event.get("type").asString())
                    .containsOnly("shipment.status");
        }

        move(id, agent, "delivered");
        report(agent, point(12.97, 77.57, Instant.now()));
        awaitEvents();
        assertThat(api.get("/shipments/" + id, customer.token()).body().get("agent_location").isNull())
                .as("delivered: never again").isTrue();
        assertThat(api.get("/shipments/" + id, admin().token()).body().get("agent_location").isNull()).isTrue();
        assertThat(api.get("/shipments", customer.token()).body().get("items").get(0).get("agent_location").isNull())
                .isTrue();
    }

    @Test
    void shouldLetOnlyAgentsReportAndOnlyAdminsRead() {
        Account customer = customer();
        Account agent = agent();
        String admin = admin().token();
        Map<String, Object> batch = Map.of("points", List.of(point(12.9, 77.5, Instant.now())));

        assertProblem(api.post("/agents/me/locations", customer.token(), batch), 403);
        assertProblem(api.post("/agents/me/locations", admin, batch), 403);
        assertProblem(api.post("/agents/me/locations", null, batch), 401);
        for (String path : List.of("/admin/agents/locations", "/admin/agents/" + agent.id() + "/locations")) {
            assertProblem(api.get(path, customer.token()), 403);
            assertProblem(api.get(path, agent.token()), 403);
            assertProblem(api.get(path, null), 401);
        }
    }

    private void move(String id, Account agent, String status) {
        Api.Response moved = move(id, agent, status, "Bangalore");
        assertThat(moved.status()).as(moved.toString()).isBetween(200, 201);
    }

    @SafeVarargs
    private void report(Account agent, Map<String, Object>... points) {
        Api.Response answer = api.post("/agents/me/locations", agent.token(), Map.of("points", List.of(points)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().get("refused").size()).as(answer.toString()).isZero();
    }

    /** The agent's entry in the list of active agents, or null when they are not in it. */
    private JsonNode latestOf(UUID agentId) {
        String admin = admin().token();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/admin/agents/locations?size=100&page=" + page, admin).body();
            for (JsonNode item : body.get("items")) {
                if (item.get("agent_id").asString().equals(agentId.toString())) {
                    return item;
                }
            }
            if ((long) (page + 1) * 100 >= body.get("total").asLong()) {
                return null;
            }
        }
    }

    private static Map<String, Object> point(double lat, double lon, Instant recordedAt) {
        Map<String, Object> point = new HashMap<>();
        point.put("lat", lat);
        point.put("lon", lon);
        point.put("accuracy_m", 8.5);
        point.put("recorded_at", recordedAt.toString());
        return point;
    }
}
