package io.waybill.security.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retried writes with an Idempotency-Key: the same request replays the first answer without doing
 * it again, a different one is refused, one still in flight is refused for now, keys are per caller
 * and forgotten after their retention.
 */
class IdempotencyApiIT extends ApiTest {

    private static final String BOOKING = "{\"source_address\": \"Chennai\", \"destination_address\": \"Bangalore\", "
            + "\"description\": \"Books\"}";

    @Autowired
    private JdbcIdempotencyKeys keys;

    @Autowired
    private IdempotencyKeyPurge purge;

    @Test
    void shouldReplayTheFirstBookingWithoutBookingAgain() {
        Account customer = customer();
        String key = UUID.randomUUID().toString();

        Api.Response first = book(customer, key, BOOKING);
        // The same JSON, spelled differently: another key order and spacing.
        Api.Response again = book(customer, key,
                "{\"description\":\"Books\",\"destination_address\":\"Bangalore\",\"source_address\":\"Chennai\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(api.get("/shipments", customer.token()).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyForADifferentRequest() {
        Account customer = customer();
        String key = UUID.randomUUID().toString();
        assertThat(book(customer, key, BOOKING).status()).isEqualTo(201);

        Api.Response otherBody = book(customer, key, BOOKING.replace("Books", "Shoes"));
        Api.Response otherPath = api.send("POST", "/webhooks", customer.token(), "application/json", BOOKING,
                Map.of("Idempotency-Key", key));

        assertProblem(otherBody, 422);
        assertThat(otherBody.body().get("detail").asString()).contains("different request");
        assertProblem(otherPath, 422);
        assertThat(api.get("/shipments", customer.token()).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseARetryWhileTheFirstRequestIsInFlightAndTakeOverOnceItsLeaseRanOut() {
        Account customer = customer();
        String busy = UUID.randomUUID().toString();
        String fingerprint = RequestFingerprint.of("POST", "/shipments", null, BOOKING.getBytes(StandardCharsets.UTF_8));
        // Claimed as the request would claim it: as the customer's (the default) tenant's work.
        TenantContext.runAs(TenantContext.DEFAULT, () -> keys.claim(customer.id(), busy, fingerprint, "POST",
                "/shipments", Instant.now(), Duration.ofMinutes(1), Duration.ofHours(24)));

        Api.Response inFlight = book(customer, busy, BOOKING);

        assertProblem(inFlight, 409);
        assertThat(inFlight.header("Retry-After")).isEqualTo("1");
        assertThat(api.get("/shipments", customer.token()).body().get("total").asInt()).isZero();

        // A request whose process died: its lease ran out a minute ago.
        String orphaned = UUID.randomUUID().toString();
        TenantContext.runAs(TenantContext.DEFAULT, () -> keys.claim(customer.id(), orphaned, fingerprint, "POST",
                "/shipments", Instant.now().minusSeconds(120), Duration.ofMinutes(1), Duration.ofHours(24)));

        Api.Response takenOver = book(customer, orphaned, BOOKING);

        assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(201);
        assertThat(book(customer, orphaned, BOOKING).header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void shouldKeepKeysPerCaller() {
        Account asha = customer();
        Account ravi = customer();
        String key = UUID.randomUUID().toString();

        Api.Response hers = book(asha, key, BOOKING);
        Api.Response his = book(ravi, key, BOOKING);

        assertThat(his.status()).isEqualTo(201);
        assertThat(his.header("Idempotent-Replayed")).isNull();
        assertThat(his.text("id")).isNotEqualTo(hers.text("id"));
        assertThat(his.text("customer_id")).isEqualTo(ravi.id().toString());
        assertThat(api.get("/shipments", ravi.token()).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRunAgainOnceTheKeyExpiredAndPurgeExpiredKeys() {
        Account customer = customer();
        String key = UUID.randomUUID().toString();
        Api.Response first = book(customer, key, BOOKING);
        expire(customer.id());

        Api.Response afterExpiry = book(customer, key, BOOKING);

        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
        assertThat(afterExpiry.text("id")).isNotEqualTo(first.text("id"));
        assertThat(api.get("/shipments", customer.token()).body().get("total").asInt()).isEqualTo(2);

        expire(customer.id());
        purge.purge();

        assertThat(database().sql("select count(*) from security.idempotency_keys where caller_id = ?")
                .param(customer.id()).query(Long.class).single()).isZero();
    }

    @Test
    void shouldBookOnceForTwentyIdenticalRequestsInParallel() throws Exception {
        Account customer = customer();
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return book(customer, key, BOOKING);
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }

            assertThat(answers).extracting(Api.Response::status).allMatch(status -> status == 201 || status == 409);
            List<Api.Response> booked = answers.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(booked).isNotEmpty();
            assertThat(booked).extracting(Api.Response::raw).containsOnly(booked.get(0).raw());
            Api.Response listed = api.get("/shipments", customer.token());
            assertThat(listed.body().get("total").asInt()).isEqualTo(1);
            assertThat(listed.body().get("items").get(0).get("id").asString()).isEqualTo(booked.get(0).text("id"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReplayStatusChangesScansAndWebhookSubscriptions() {
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = book(customer, UUID.randomUUID().toString(), BOOKING);
        String id = booked.text("id");
        assign(id, agent);

        String moveKey = UUID.randomUUID().toString();
        Map<String, Object> move = Map.of("status", "picked_up", "location", "Chennai");
        Api.Response moved = api.json("PUT", "/shipments/" + id + "/status", agent.token(), move,
                Map.of("Idempotency-Key", moveKey));
        Api.Response movedAgain = api.json("PUT", "/shipments/" + id + "/status", agent.token(), move,
                Map.of("Idempotency-Key", moveKey));
        String scanKey = UUID.randomUUID().toString();
        Map<String, Object> scan = Map.of("location", "Salem hub");
        Api.Response scanned = api.json("POST", "/tracking/" + id, agent.token(), scan,
                Map.of("Idempotency-Key", scanKey));
        Api.Response scannedAgain = api.json("POST", "/tracking/" + id, agent.token(), scan,
                Map.of("Idempotency-Key", scanKey));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(movedAgain.status()).isEqualTo(200);
        assertThat(movedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(movedAgain.raw()).isEqualTo(moved.raw());
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        assertThat(scannedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(scannedAgain.raw()).isEqualTo(scanned.raw());

        // A scan by the code a scanner read (the label's barcode).
        String codeKey = UUID.randomUUID().toString();
        Map<String, Object> codeScan = Map.of("code", booked.text("tracking_number"), "location", "Krishnagiri hub");
        Api.Response codeScanned = api.json("POST", "/scans", agent.token(), codeScan,
                Map.of("Idempotency-Key", codeKey));
        Api.Response codeScannedAgain = api.json("POST", "/scans", agent.token(), codeScan,
                Map.of("Idempotency-Key", codeKey));

        assertThat(codeScanned.status()).as(codeScanned.toString()).isEqualTo(201);
        assertThat(codeScanned.header("Idempotent-Replayed")).isNull();
        assertThat(codeScannedAgain.status()).isEqualTo(201);
        assertThat(codeScannedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(codeScannedAgain.raw()).isEqualTo(codeScanned.raw());
        // Booking, picked up, one scan by id, one by code: nothing twice.
        assertThat(api.get("/tracking/" + id, customer.token()).body()).hasSize(4);

        String hookKey = UUID.randomUUID().toString();
        Map<String, Object> hook = Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("shipment.delivered"));
        Api.Response subscribed = api.json("POST", "/webhooks", customer.token(), hook,
                Map.of("Idempotency-Key", hookKey));
        Api.Response subscribedAgain = api.json("POST", "/webhooks", customer.token(), hook,
                Map.of("Idempotency-Key", hookKey));

        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        assertThat(subscribedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(subscribedAgain.raw()).isEqualTo(subscribed.raw());
        assertThat(api.get("/webhooks", customer.token()).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReplayARefusalOfTheRequestItselfButNotOneOfTheMoment() {
        Account customer = customer();
        String invalidKey = UUID.randomUUID().toString();
        String invalid = "{\"source_address\": \"Chennai\"}";
        Api.Response refused = book(customer, invalidKey, invalid);
        Api.Response refusedAgain = book(customer, invalidKey, invalid);

        assertProblem(refused, 422);
        assertThat(refusedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(refusedAgain.raw()).isEqualTo(refused.raw());

        // 403 depends on who the caller is now: the key is given back, a retry runs again.
        Account agent = agent();
        String forbiddenKey = UUID.randomUUID().toString();
        assertProblem(book(agent, forbiddenKey, BOOKING), 403);
        Api.Response forbiddenAgain = book(agent, forbiddenKey, BOOKING);
        assertProblem(forbiddenAgain, 403);
        assertThat(forbiddenAgain.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void shouldRefuseAKeyThatIsTooLongAndIgnoreKeysOnRequestsWithoutCaller() {
        Account customer = customer();

        Api.Response tooLong = book(customer, "k".repeat(256), BOOKING);

        assertProblem(tooLong, 400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(book(customer, "k".repeat(255), BOOKING).status()).isEqualTo(201);
        assertProblem(api.send("POST", "/shipments", null, "application/json", BOOKING,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 401);
    }

    private Api.Response book(Account customer, String key, String body) {
        return api.send("POST", "/shipments", customer.token(), "application/json", body,
                Map.of("Idempotency-Key", key));
    }

    private void expire(UUID caller) {
        database().sql("update security.idempotency_keys set expires_at = now() - interval '1 second' where caller_id = ?")
                .param(caller).update();
    }
}
