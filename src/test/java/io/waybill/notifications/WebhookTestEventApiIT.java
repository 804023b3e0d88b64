package io.waybill.notifications;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.WebhookReceiver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /webhooks/{id}/test: a signed webhook.test event, delivered like any other, for its owner only. */
class WebhookTestEventApiIT extends ApiTest {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Throttle throttle;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void shouldSendASignedTestEventThatTheLogShows() throws Exception {
        Account shop = customer();
        String path = "/test/" + UUID.randomUUID();
        Api.Response webhook = subscribe(shop, path);

        Api.Response test = api.post("/webhooks/" + webhook.text("id") + "/test", shop.token(), null);

        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        assertThat(test.text("event_type")).isEqualTo("webhook.test");
        eventually(() -> assertThat(RECEIVER.at(path)).hasSize(1));
        WebhookReceiver.Delivery delivery = RECEIVER.at(path).get(0);
        assertThat(delivery.isSignedWith(webhook.text("secret"))).as(delivery.toString()).isTrue();
        assertThat(delivery.isSignedWith("whsec_someone-else")).isFalse();
        assertThat(delivery.headers().get("x-waybill-event-type")).isEqualTo("webhook.test");
        assertThat(delivery.headers().get("x-waybill-delivery-id")).isEqualTo(test.text("id"));
        JsonNode envelope = JSON.readTree(delivery.body());
        assertThat(envelope.get("type").asString()).isEqualTo("webhook.test");
        assertThat(envelope.get("event_id").asString()).isEqualTo(test.text("event_id"));
        assertThat(envelope.get("payload").get("webhook_id").asString()).isEqualTo(webhook.text("id"));

        eventually(() -> {
            JsonNode logged = api.get("/webhooks/" + webhook.text("id") + "/deliveries", shop.token()).body()
                    .get("items").get(0);
            assertThat(logged.get("id").asString()).isEqualTo(test.text("id"));
            assertThat(logged.get("status").asString()).isEqualTo("delivered");
        });
        String another = subscribe(shop, "/test/" + UUID.randomUUID()).text("id");
        assertThat(api.post("/webhooks/" + another + "/test", admin().token(), null).status())
                .as("an admin may test any subscription").isEqualTo(202);
    }

    @Test
    void shouldSendOneWebhookATestEventEveryTenSecondsAtMost() {
        Account shop = customer();
        String id = subscribe(shop, "/often/" + UUID.randomUUID()).text("id");
        assertThat(api.post("/webhooks/" + id + "/test", shop.token(), null).status()).isEqualTo(202);

        Api.Response again = api.post("/webhooks/" + id + "/test", shop.token(), null);

        assertProblem(again, 429);
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(again.text("detail")).contains("Too many test events for this webhook");
        String other = subscribe(shop, "/often/" + UUID.randomUUID()).text("id");
        assertThat(api.post("/webhooks/" + other + "/test", shop.token(), null).status())
                .as("each webhook has its own").isEqualTo(202);
        // The period passing, as the rate limit sees it.
        throttle.reset(RateLimit.WEBHOOK_TEST, id);
        assertThat(api.post("/webhooks/" + id + "/test", shop.token(), null).status()).isEqualTo(202);
    }

    @Test
    void shouldTellNoOneElseTheSubscriptionExists() {
        Account shop = customer();
        String id = subscribe(shop, "/others/" + UUID.randomUUID()).text("id");

        assertProblem(api.post("/webhooks/" + id + "/test", customer().token(), null), 404);
        assertProblem(api.post("/webhooks/" + UUID.randomUUID() + "/test", shop.token(), null), 404);
        assertProblem(api.post("/webhooks/" + id + "/test", agent().token(), null), 403);
        assertProblem(api.post("/webhooks/" + id + "/test", null, null), 401);

        database().sql("update notifications.webhooks set active = false, disabled_at = now() where id = ?::uuid")
                .param(id).update();
        assertProblem(api.post("/webhooks/" + id + "/test", shop.token(), null), 409);
    }

    private Api.Response subscribe(Account owner, String path) {
        Api.Response created = api.post("/webhooks", owner.token(),
                Map.of("url", RECEIVER.url(path), "events", List.of("shipment.delivered")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }
}
