package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent's actions over plain HTTP, as the page's form and its script post them: refused without
 * the session's CSRF token, done once when the script sends the same queued action again, and "not
 * found" for a shipment assigned to another agent.
 */
class AgentActionsIT extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

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
        HttpResponse<String> page = get("/agent/shipments/" + parcel.number());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"deliver-form\"");
        int entries = api.get("/tracking/" + parcel.id(), agent.token()).body().size();

        HttpResponse<String> withoutToken = post("/agent/shipments/" + parcel.number() + "/failed",
                "reason=recipient_absent&location=Gate");
        HttpResponse<String> wrongToken = post("/agent/shipments/" + parcel.number() + "/deliver",
                "kind=otp&code=123456&location=Gate&_csrf=not-the-token");
        HttpResponse<String> scriptWithoutToken = browser.send(HttpRequest.newBuilder(
                        uri("/agent/shipments/" + parcel.number() + "/failed"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"refused\",\"location\":\"Gate\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(scriptWithoutToken.statusCode()).isEqualTo(403);
        assertThat(api.get("/shipments/" + parcel.id(), agent.token()).text("status")).isEqualTo("out_for_delivery");
        assertThat(api.get("/tracking/" + parcel.id(), agent.token()).body()).hasSize(entries);

        // With its token, the same form is taken.
        HttpResponse<String> failed = post("/agent/shipments/" + parcel.number() + "/failed",
                "reason=recipient_absent&location=Gate&_csrf=" + csrfToken(page.body()));
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(api.get("/shipments/" + parcel.id(), agent.token()).text("status")).isEqualTo("delivery_failed");
    }

    @Test
    void shouldDoAQueuedActionOnceWhenTheScriptSendsItAgain() throws Exception {
        Account agent = agent();
        Parcel parcel = outForDelivery(agent);
        signIn(agent.email());
        String token = csrfToken(get("/agent/shipments/" + parcel.number()).body());
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
        String token = csrfToken(get("/agent").body());

        HttpResponse<String> scanned = get("/agent/scan?code=" + theirs.number());
        assertThat(scanned.statusCode()).isEqualTo(404);
        assertThat(scanned.body()).contains("No shipment " + theirs.number() + " among yours");
        assertThat(get("/agent/shipments/" + theirs.number()).statusCode()).isEqualTo(404);
        HttpResponse<String> sent = script("/agent/shipments/" + theirs.number() + "/failed",
                UUID.randomUUID().toString(), token, "{\"reason\":\"refused\",\"location\":\"Gate\"}");
        assertThat(sent.statusCode()).isEqualTo(404);
        assertThat(get("/agent/scan?code=hello").statusCode()).isEqualTo(422);
    }

    private void signIn(String email) throws Exception {
        String token = csrfToken(get("/signin").body());
        HttpResponse<String> signedIn = post("/signin", "email=" + email.replace("@", "%40") + "&password="
                + PASSWORD + "&_csrf=" + token);
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> script(String path, String key, String csrf, String json)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", key).header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
