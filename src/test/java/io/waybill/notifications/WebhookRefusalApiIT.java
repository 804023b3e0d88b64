package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** What POST /webhooks refuses with the default configuration (private addresses not allowed). */
@TestPropertySource(properties = {"waybill.webhooks.allow-private-addresses=false",
        "waybill.webhooks.max-per-owner=3"})
@DirtiesContext
class WebhookRefusalApiIT extends ApiTest {

    @Test
    void shouldRefuseUrlsThatPointAtPrivateLoopbackOrLinkLocalAddresses() {
        String token = customer().token();
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://192.168.0.10/hook", "http://172.16.5.5/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook", "http://100.64.0.1/hook")) {
            Api.Response refused = api.post("/webhooks", token, Map.of("url", url, "events", List.of("shipment.created")));
            assertProblem(refused, 422);
            assertThat(refused.body().get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
        }
    }

    @Test
    void shouldRefuseEveryOtherSpecialPurposeAddressWithAProblem() {
        String token = customer().token();
        for (String url : List.of("http://[::127.0.0.1]/hook", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
                "http://[2002:7f00:1::]/hook", "http://198.18.0.1/hook", "http://240.0.0.1/hook",
                "http://255.255.255.255/hook", "http://[::ffff:127.0.0.1]/hook", "http://192.0.2.10/hook",
                "http://203.0.113.9/hook", "http://224.0.0.1/hook", "http://[2001:db8::1]/hook",
                "http://[fe80::1]/hook", "http://[ff02::1]/hook", "http://[100::1]/hook", "http://[::]/hook")) {
            Api.Response refused = api.post("/webhooks", token, Map.of("url", url, "events", List.of("shipment.created")));
            assertProblem(refused, 422);
            assertThat(refused.body().get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
            assertThat(refused.body().get("errors").get(0).get("message").asString()).as(url)
                    .contains("special-purpose");
        }
    }

    /**
     * Public address literals: registering one resolves nothing and sends nothing, and this customer
     * books no shipment, so no delivery is ever planned for them.
     */
    @Test
    void shouldRefuseAWebhookBeyondTheCapWithAConflict() {
        Account customer = customer();
        List<String> hooks = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response created = api.post("/webhooks", customer.token(),
                    Map.of("url", "https://8.8.8.8/hook-" + i, "events", List.of("shipment.delivered")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            hooks.add(created.text("id"));
        }
        Api.Response beyond = api.post("/webhooks", customer.token(),
                Map.of("url", "https://8.8.8.8/hook-3", "events", List.of("shipment.delivered")));
        assertProblem(beyond, 409);
        assertThat(beyond.body().get("detail").asString()).contains("3");
        assertThat(api.post("/webhooks", customer().token(),
                Map.of("url", "https://8.8.8.8/other", "events", List.of("shipment.delivered"))).status())
                .as("the cap is per owner").isEqualTo(201);

        assertThat(api.delete("/webhooks/" + hooks.get(0), customer.token()).status()).isEqualTo(204);
        Api.Response after = api.post("/webhooks", customer.token(),
                Map.of("url", "https://8.8.8.8/hook-3", "events", List.of("shipment.delivered")));
        assertThat(after.status()).as("a deleted webhook frees its place").isEqualTo(201);
        hooks.add(after.text("id"));
        hooks.forEach(hook -> api.delete("/webhooks/" + hook, customer.token()));
    }

    @Test
    void shouldRefuseWhatIsNotAWebhook() {
        String token = customer().token();
        assertProblem(api.post("/webhooks", token, Map.of("url", "ftp://127.0.0.1/x",
                "events", List.of("shipment.created"))), 422);
        assertProblem(api.post("/webhooks", token, Map.of("url", "https://127.0.0.1/x", "events", List.of())), 422);
        assertProblem(api.post("/webhooks", token, Map.of("url", "https://127.0.0.1/x",
                "events", List.of("user.created"))), 422);
        assertProblem(api.post("/webhooks", token, Map.of("url", "https://127.0.0.1/x",
                "events", List.of("shipment.assigned"))), 422);
        // A public literal, so that the URL passes and the null event type is what is judged.
        Api.Response nullEvent = api.post("/webhooks", token, Map.of("url", "https://8.8.8.8/x",
                "events", java.util.Arrays.asList("shipment.created", null)));
        assertProblem(nullEvent, 422);
        assertThat(nullEvent.body().get("errors").get(0).get("field").asString()).isEqualTo("events");
        assertProblem(api.post("/webhooks", null, Map.of("url", "https://127.0.0.1/x",
                "events", List.of("shipment.created"))), 401);
        assertProblem(api.post("/webhooks", agent().token(), Map.of("url", "https://127.0.0.1/x",
                "events", List.of("shipment.created"))), 403);
    }
}
