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

    @Test
    void shouldScanTheAgentsBagOnceAndRefuseAnotherAgentsBagOrAScanOutOfOrder() throws Exception {
        String admin = admin().token();
        Account customer = customer();
        Account agent = agent();
        String from = city("Pagefrom");
        String origin = hub(from);
        String destination = hub(city("Pageto"));
        List<String> inside = List.of(routedShipment(customer, from), routedShipment(customer, from));
        String code = dispatchedBag(admin, origin, destination, inside, agent);
        String theirs = dispatchedBag(admin, origin, destination, List.of(routedShipment(customer, from)), agent());
        signIn(agent.email());
        HttpResponse<String> page = browser.get("/agent/bags/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        String token = PageSession.csrfToken(page.body());

        // Another agent's bag is not found, by its page, by a scan of its code or by its action.
        assertThat(browser.get("/agent/bags/" + theirs).statusCode()).isEqualTo(404);
        HttpResponse<String> scanned = browser.get("/agent/scan?code=" + theirs);
        assertThat(scanned.statusCode()).isEqualTo(404);
        assertThat(scanned.body()).contains("No bag " + theirs + " among yours");
        assertThat(script("/agent/bags/" + theirs + "/scan", UUID.randomUUID().toString(), token,
                "{\"event\":\"arrived\"}").statusCode()).isEqualTo(404);
        assertThat(api.get("/bags/" + theirs, admin).text("status")).isEqualTo("dispatched");
        // A code whose check digit is wrong is refused beside the field; without the token, nothing is done.
        String wrongDigit = code.substring(0, 12) + (char) ('0' + (code.charAt(12) - '0' + 1) % 10);
        HttpResponse<String> misread = browser.get("/agent/scan?code=" + wrongDigit);
        assertThat(misread.statusCode()).isEqualTo(422);
        assertThat(misread.body()).contains("id=\"code-error\"", "check digit is wrong");
        assertThat(browser.post("/agent/bags/" + code + "/scan", "event=arrived").statusCode()).isEqualTo(403);
        HttpResponse<String> unknownEvent = browser.post("/agent/bags/" + code + "/scan", "event=lost&_csrf=" + token);
        assertThat(unknownEvent.statusCode()).isEqualTo(422);
        assertThat(unknownEvent.body()).contains("event must be one of dispatched, arrived, opened");
        HttpResponse<String> outOfOrder = browser.post("/agent/bags/" + code + "/scan", "event=opened&_csrf=" + token);
        assertThat(outOfOrder.statusCode()).isEqualTo(409);
        assertThat(outOfOrder.body()).contains("class=\"alert error\"", "only once it is arrived");
        assertThat(api.get("/bags/" + code, admin).text("status")).isEqualTo("dispatched");

        // The script's queued scan, sent twice with its key, is done once.
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = script("/agent/bags/" + code + "/scan", key, token, "{\"event\":\"arrived\"}");
        HttpResponse<String> again = script("/agent/bags/" + code + "/scan", key, token, "{\"event\":\"arrived\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"arrived\"", "2 shipment(s) got the entry");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        for (String shipment : inside) {
            assertThat(java.util.stream.StreamSupport.stream(
                    api.get("/tracking/" + shipment, customer.token()).body().spliterator(), false)
                    .filter(entry -> ("Arrived in bag " + code).equals(entry.get("note").asString())).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseACustomerTheBagPages() throws Exception {
        signIn(customer().email());
        assertThat(browser.get("/agent/bags/BAG0000000000").statusCode()).isEqualTo(403);
        assertThat(browser.get("/agent/scan?code=BAG0000000000").statusCode()).isEqualTo(403);
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
