package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's actions over plain HTTP, as the page's form and its script post them: refused without
 * the session's CSRF token, done once when the script sends the same queued action again, and "not
 * found" for a shipment assigned to another agent.
 */
class AgentActionsIT extends ApiTest {

    private PageSession browser;

    @BeforeEach
    void openBrowser() {
        browser = new PageSession(port());
    }

    private record Parcel(String id, String number) {
    }

    private Parcel outForDelivery(Account agent) {
        String id = book(customer()).text("id");
        assign(id, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(id, agent, status, "Bangalore hub").status()).isEqualTo(200);
        }
        return new Parcel(id, api.get("/shipments/" + id, agent.token()).text("tracking_number"));
    }

    @Test
    void shouldRefuseTheDeliveryFormWithoutItsCsrfTokenAndChangeNothing() throws Exception {
        Account agent = agent();
        Parcel parcel = outForDelivery(agent);
        signIn(agent.email());
        HttpResponse<String> page = browser.get("/agent/shipments/" + parcel.number());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"deliver-form\"");
        int entries = api.get("/tracking/" + parcel.id(), agent.token()).body().size();

        HttpResponse<String> withoutToken = browser.post("/agent/shipments/" + parcel.number() + "/failed",
                "reason=recipient_absent&location=Gate");
        HttpResponse<String> wrongToken = browser.post("/agent/shipments/" + parcel.number() + "/deliver",
                "kind=otp&code=123456&location=Gate&_csrf=not-the-token");
        HttpResponse<String> scriptWithoutToken = browser.send(HttpRequest.newBuilder(
                        browser.uri("/agent/shipments/" + parcel.number() + "/failed"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"refused\",\"location\":\"Gate\"}")));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(scriptWithoutToken.statusCode()).isEqualTo(403);
        assertThat(api.get("/shipments/" + parcel.id(), agent.token()).text("status")).isEqualTo("out_for_delivery");
        assertThat(api.get("/tracking/" + parcel.id(), agent.token()).body()).hasSize(entries);

        // With its token, the same form is taken.
        HttpResponse<String> failed = browser.post("/agent/shipments/" + parcel.number() + "/failed",
                "reason=recipient_absent&location=Gate&_csrf=" + PageSession.csrfToken(page.body()));
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(api.get("/shipments/" + parcel.id(), agent.token()).text("status")).isEqualTo("delivery_failed");
    }

    @Test
    void shouldDoAQueuedActionOnceWhenTheScriptSendsItAgain() throws Exception {
        Account agent = agent();
        Parcel parcel = outForDelivery(agent);
        signIn(agent.email());
        String token = PageSession.csrfToken(browser.get("/agent/shipments/" + parcel.number()).body());
        int entries = api.get("/tracking/" + parcel.id(), agent.token()).body().size();
        String key = UUID.randomUUID().toString();
        String scan = "{\"status\":\"\",\"location\":\"Gate 2\",\"note\":\"left at the gate\",\"lat\":\"12.9716\","
                + "\"lon\":\"77.5946\"}";

        HttpResponse<String> first = script("/agent/shipments/" + parcel.number() + "/status", key, token, scan);
        HttpResponse<String> again = script("/agent/shipments/" + parcel.number() + "/status", key, token, scan);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"message\":\"The scan is recorded.\"", "\"status\":\"out_for_delivery\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        var history = api.get("/tracking/" + parcel.id(), agent.token()).body();
        assertThat(history).hasSize(entries + 1);
        assertThat(history.get(entries).get("location").asString()).isEqualTo("Gate 2");
        assertThat(history.get(entries).get("lat").asDouble()).isEqualTo(12.9716);

        // A refusal is a problem body the script shows, and is kept for a retry as well.
        HttpResponse<String> refused = script("/agent/shipments/" + parcel.number() + "/deliver",
                UUID.randomUUID().toString(), token, "{\"kind\":\"otp\",\"code\":\"\",\"location\":\"Gate\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.get("/shipments/" + parcel.id(), agent.token()).text("status")).isEqualTo("out_for_delivery");
    }

    @Test
    void shouldAnswerNotFoundForAnotherAgentsShipment() throws Exception {
        Parcel theirs = outForDelivery(agent());
        Account agent = agent();
        signIn(agent.email());
        String token = PageSession.csrfToken(browser.get("/agent").body());

        HttpResponse<String> scanned = browser.get("/agent/scan?code=" + theirs.number());
        assertThat(scanned.statusCode()).isEqualTo(404);
        assertThat(scanned.body()).contains("No shipment " + theirs.number() + " among yours");
        assertThat(browser.get("/agent/shipments/" + theirs.number()).statusCode()).isEqualTo(404);
        HttpResponse<String> sent = script("/agent/shipments/" + theirs.number() + "/failed",
                UUID.randomUUID().toString(), token, "{\"reason\":\"refused\",\"location\":\"Gate\"}");
        assertThat(sent.statusCode()).isEqualTo(404);
        assertThat(browser.get("/agent/scan?code=hello").statusCode()).isEqualTo(422);
    }

    private void signIn(String email) throws Exception {
        browser = PageSession.signedIn(port(), email, PASSWORD);
    }

    private HttpResponse<String> script(String path, String key, String csrf, String json)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(browser.uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", key).header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
