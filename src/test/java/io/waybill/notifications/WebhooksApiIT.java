package io.waybill.notifications;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.Mailbox;
import io.waybill.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a local receiver: signed deliveries of the event envelope, retries with backoff
 * until the receiver answers, redelivery, and giving up (subscription disabled, owner told).
 * Private addresses are allowed here, since the receiver runs on 127.0.0.1; WebhookRefusalApiIT
 * checks that they are refused by default.
 */
@DirtiesContext
class WebhooksApiIT extends ApiTest {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        IsolatedDatabase.register(registry, "hooks");
        registry.add("waybill.webhooks.allow-private-addresses", () -> "true");
        registry.add("waybill.webhooks.retry-delay", () -> "PT0.2S");
        registry.add("waybill.webhooks.poll-interval", () -> "PT0.2S");
        registry.add("waybill.webhooks.retry-for", () -> "PT6S");
        // Long enough for a receiver held for 10 s to answer: a hang must not be cut short to pass.
        registry.add("waybill.webhooks.timeout", () -> "PT15S");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void shouldSignEachDeliveryOfTheEventEnvelope() throws Exception {
        String path = "/signed/" + UUID.randomUUID();
        Api.Response created = api.post("/webhooks", admin().token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.created")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/webhooks/" + created.text("id"));
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/webhooks", admin().token()).raw()).contains(created.text("id")).doesNotContain(secret);

        String number = book(customer()).text("tracking_number");

        eventually(() -> assertThat(RECEIVER.at(path)).isNotEmpty());
        WebhookReceiver.Delivery delivery = RECEIVER.at(path).get(0);
        JsonNode envelope = JSON.readTree(delivery.body());
        assertThat(envelope.get("type").asString()).isEqualTo("shipment.created");
        assertThat(envelope.get("payload").get("tracking_number").asString()).isEqualTo(number);
        assertThat(delivery.headers().get("x-waybill-event-id")).isEqualTo(envelope.get("event_id").asString());
        assertThat(delivery.headers().get("content-type")).startsWith("application/json");

        // What a receiver does: recompute the HMAC over "t.body", compare, and check the timestamp.
        String signature = delivery.headers().get("x-waybill-signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        String v1 = signature.substring(signature.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(v1).isEqualTo(expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
    }

    @Test
    void shouldKeepDeliveringToOtherOwnersWhileOneReceiverHangsForTenSeconds() {
        String slowPath = "/slow/" + UUID.randomUUID();
        String fastPath = "/fast/" + UUID.randomUUID();
        RECEIVER.hold(slowPath, Duration.ofSeconds(10));
        Account slowOwner = customer();
        Account fastOwner = customer();
        assertThat(api.post("/webhooks", slowOwner.token(), Map.of("url", RECEIVER.url(slowPath),
                "events", List.of("shipment.created"))).status()).isEqualTo(201);
        assertThat(api.post("/webhooks", fastOwner.token(), Map.of("url", RECEIVER.url(fastPath),
                "events", List.of("shipment.created"))).status()).isEqualTo(201);

        for (int i = 0; i < 3; i++) {
            book(slowOwner);
        }
        eventually(() -> assertThat(RECEIVER.arrivedAt(slowPath)).isEqualTo(1));
        Instant slowReceiverHeld = Instant.now();
        for (int i = 0; i < 3; i++) {
            book(fastOwner);
        }

        eventually(Duration.ofSeconds(8), () -> assertThat(RECEIVER.at(fastPath)).hasSize(3));
        assertThat(Duration.between(slowReceiverHeld, Instant.now()))
                .as("the other owner's deliveries went out while the slow receiver still held its first")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(RECEIVER.at(slowPath)).as("the slow receiver has answered nothing yet").isEmpty();
        assertThat(RECEIVER.arrivedAt(slowPath)).as("one delivery at a time goes to a hanging receiver")
                .isEqualTo(1);
        RECEIVER.hold(slowPath, Duration.ZERO);
        eventually(Duration.ofSeconds(20), () -> assertThat(RECEIVER.at(slowPath)).hasSize(3));
    }

    @Test
    void shouldRetryWithBackoffUntilTheReceiverTakesTheEventOnTheFourthTry() {
        String path = "/flaky/" + UUID.randomUUID();
        RECEIVER.script(path, 500, 503, 500);
        Account customer = customer();
        Api.Response hook = api.post("/webhooks", customer.token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.created")));
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);

        String number = book(customer).text("tracking_number");
        String othersNumber = book(customer()).text("tracking_number");

        eventually(Duration.ofSeconds(15), () -> assertThat(RECEIVER.at(path)).extracting(WebhookReceiver.Delivery::answered)
                .containsExactly(500, 503, 500, 200));
        List<WebhookReceiver.Delivery> tries = RECEIVER.at(path);
        assertThat(tries).extracting(d -> d.headers().get("x-waybill-event-id")).containsOnly(
                tries.get(0).headers().get("x-waybill-event-id"));
        assertThat(tries).allSatisfy(d -> assertThat(d.body()).contains(number).doesNotContain(othersNumber));
        Api.Response log = api.get("/webhooks/" + hook.text("id") + "/deliveries", customer.token());
        assertThat(log.status()).isEqualTo(200);
        eventually(() -> {
            JsonNode entry = api.get("/webhooks/" + hook.text("id") + "/deliveries", customer.token()).body()
                    .get("items").get(0);
            assertThat(entry.get("status").asString()).isEqualTo("delivered");
            assertThat(entry.get("attempts").asInt()).isEqualTo(4);
            assertThat(entry.get("last_status_code").asInt()).isEqualTo(200);
            assertThat(entry.get("event_type").asString()).isEqualTo("shipment.created");
        });
        awaitEvents();
        assertThat(api.get("/webhooks/" + hook.text("id") + "/deliveries", customer.token()).body().get("total")
                .asInt()).as("another customer's shipment is not delivered to this hook").isEqualTo(1);
    }

    @Test
    void shouldRedeliverADeliveryWithTheSameEventId() {
        String path = "/redeliver/" + UUID.randomUUID();
        Account customer = customer();
        String hook = api.post("/webhooks", customer.token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.created"))).text("id");
        book(customer);
        eventually(() -> assertThat(RECEIVER.at(path)).hasSize(1));
        eventually(() -> assertThat(api.get("/webhooks/" + hook + "/deliveries", customer.token()).body()
                .get("items").get(0).get("status").asString()).isEqualTo("delivered"));
        String delivery = api.get("/webhooks/" + hook + "/deliveries", customer.token()).body().get("items").get(0)
                .get("id").asString();

        Api.Response redelivered = api.post("/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver",
                customer.token(), null);
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(202);

        eventually(() -> assertThat(RECEIVER.at(path)).hasSize(2));
        assertThat(RECEIVER.at(path).get(1).headers().get("x-waybill-event-id"))
                .isEqualTo(RECEIVER.at(path).get(0).headers().get("x-waybill-event-id"));
        assertThat(RECEIVER.at(path).get(1).body()).isEqualTo(RECEIVER.at(path).get(0).body());
        assertProblem(api.post("/webhooks/" + hook + "/deliveries/" + UUID.randomUUID() + "/redeliver",
                customer.token(), null), 404);
        assertProblem(api.post("/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver",
                customer().token(), null), 404);
    }

    @Test
    void shouldDisableTheSubscriptionAndTellItsOwnerWhenDeliveriesKeepFailing() {
        String path = "/dead/" + UUID.randomUUID();
        RECEIVER.alwaysAnswer(path, 500);
        Account customer = customer();
        String hook = api.post("/webhooks", customer.token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.created"))).text("id");
        book(customer);

        eventually(Duration.ofSeconds(30), () -> assertThat(api.get("/webhooks", customer.token()).body()
                .get("items").get(0).get("active").asBoolean()).isFalse());
        JsonNode entry = api.get("/webhooks/" + hook + "/deliveries", customer.token()).body().get("items").get(0);
        assertThat(entry.get("status").asString()).isEqualTo("failed");
        assertThat(entry.get("attempts").asInt()).isGreaterThan(3);
        eventually(Duration.ofSeconds(20), () -> assertThat(Mailbox.to(customer.email()))
                .anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("Your Waybill webhook was disabled")));
    }

    @Test
    void shouldKeepWebhooksToTheirOwners() {
        Account owner = customer();
        Account other = customer();
        String hook = api.post("/webhooks", owner.token(),
                Map.of("url", RECEIVER.url("/owned"), "events", List.of("shipment.delivered"))).text("id");
        assertThat(api.get("/webhooks", other.token()).raw()).doesNotContain(hook);
        assertThat(api.get("/webhooks", admin().token()).raw()).contains(hook);
        assertProblem(api.get("/webhooks/" + hook + "/deliveries", other.token()), 404);
        assertProblem(api.delete("/webhooks/" + hook, other.token()), 404);
        assertThat(api.delete("/webhooks/" + hook, owner.token()).status()).isEqualTo(204);
        assertProblem(api.get("/webhooks/" + hook + "/deliveries", owner.token()), 404);
    }

    @Test
    void shouldSendNothingMoreForAnAdminWhoseAccountWasDeleted() throws Exception {
        String gone = "/deleted-admin/" + UUID.randomUUID();
        String control = "/live-admin/" + UUID.randomUUID();
        Account second = register("admin", admin().token());
        String hook = api.post("/webhooks", second.token(),
                Map.of("url", RECEIVER.url(gone), "events", List.of("shipment.created"))).text("id");
        api.post("/webhooks", admin().token(), Map.of("url", RECEIVER.url(control), "events", List.of("shipment.created")));
        assertThat(api.delete("/admin/users/" + second.id(), admin().token()).status()).isEqualTo(204);
        awaitEvents();
        assertThat(listedWebhook(hook).get("active").asBoolean()).as("disabled by user.deleted").isFalse();

        String shipment = book(customer()).text("id");
        eventually(Duration.ofSeconds(20), () -> assertThat(RECEIVER.at(control))
                .anySatisfy(d -> assertThat(d.body()).contains(shipment)));
        awaitEvents();
        Thread.sleep(1000);

        assertThat(RECEIVER.at(gone)).isEmpty();
        JsonNode listed = listedWebhook(hook);
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(listed.get("disabled_at").isNull()).isFalse();
        assertThat(listed.get("disabled_reason").asString()).contains("deleted");
        assertThat(api.get("/webhooks/" + hook + "/deliveries", admin().token()).body().get("items").size()).isZero();
    }

    @Test
    void shouldNotSendADeliveryPlannedBeforeItsOwnerWasDeleted() throws Exception {
        String path = "/retrying-admin/" + UUID.randomUUID();
        RECEIVER.alwaysAnswer(path, 503);
        Account second = register("admin", admin().token());
        String hook = api.post("/webhooks", second.token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.created"))).text("id");
        book(customer());
        eventually(Duration.ofSeconds(20), () -> assertThat(RECEIVER.at(path)).isNotEmpty());

        assertThat(api.delete("/admin/users/" + second.id(), admin().token()).status()).isEqualTo(204);
        awaitEvents();
        RECEIVER.alwaysAnswer(path, 200);
        Thread.sleep(2500);

        assertThat(RECEIVER.at(path)).allSatisfy(d -> assertThat(d.answered()).isEqualTo(503));
        JsonNode entry = api.get("/webhooks/" + hook + "/deliveries", admin().token()).body().get("items").get(0);
        assertThat(entry.get("status").asString()).isEqualTo("cancelled");
        assertThat(entry.get("last_error").asString()).contains("deleted");
        assertThat(listedWebhook(hook).get("active").asBoolean()).isFalse();
        assertProblem(api.post("/webhooks/" + hook + "/deliveries/" + entry.get("id").asString() + "/redeliver",
                admin().token(), null), 409);
    }

    private JsonNode listedWebhook(String id) {
        for (JsonNode item : api.get("/webhooks?size=100", admin().token()).body().get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("webhook " + id + " is not listed");
    }
}
