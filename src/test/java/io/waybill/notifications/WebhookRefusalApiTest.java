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
@TestPropertySource(properties = "waybill.webhooks.allow-private-addresses=false")
@DirtiesContext
class WebhookRefusalApiTest extends ApiTest {

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
    void shouldRefuseWhatIsNotAWebhook() {
        String token = customer().token();
        assertProblem(api.post("/webhooks", token, Map.of("url", "ftp://127.0.0.1/x",
                "events", List.of("shipment.created"))), 422);
        assertProblem(api.post("/webhooks", token, Map.of("url", "https://127.0.0.1/x", "events", List.of())), 422);
        assertProblem(api.post("/webhooks", token, Map.of("url", "https://127.0.0.1/x",
                "events", List.of("user.created"))), 422);
        assertProblem(api.post("/webhooks", token, Map.of("url", "https://127.0.0.1/x",
                "events", List.of("shipment.assigned"))), 422);
        assertProblem(api.post("/webhooks", null, Map.of("url", "https://127.0.0.1/x",
                "events", List.of("shipment.created"))), 401);
        assertProblem(api.post("/webhooks", agent().token(), Map.of("url", "https://127.0.0.1/x",
                "events", List.of("shipment.created"))), 403);
    }
}
