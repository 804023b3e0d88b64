package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's second stage over plain HTTP, with a page session each: a shipment's page (change
 * the booking, an instruction after a failed attempt, rating the delivery), support tickets, and the
 * list searched a page at a time; each with its refusals (another customer's shipment or ticket is
 * not found, a form without its CSRF token is forbidden, a mistake is shown beside its field).
 */
class PortalCarePagesIT extends ApiTest {

    private static final Pattern TICKET = Pattern.compile("/portal/tickets/([0-9a-f-]{36})");

    @Test
    void shouldLetTheCustomerRateADeliveryAndChangeTheRatingButNobodyElse() throws Exception {
        Account customer = customer();
        Account agent = agent();
        String shipment = delivered(customer, agent);
        PageSession owner = signedIn(customer);
        String path = "/portal/shipments/" + shipment;

        HttpResponse<String> page = owner.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"feedback-form\"", "How was the delivery?", "Open a support ticket about this shipment");

        // Without its token the form is refused, and nothing is rated.
        assertThat(owner.postWithoutToken(path + "/feedback", Map.of("rating", "4")).statusCode()).isEqualTo(403);
        assertThat(owner.get(path).body()).doesNotContain("You rated this delivery");

        HttpResponse<String> wrong = owner.post(path + "/feedback", Map.of("rating", "7", "comment", "Great"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"rating-error\"", "must be a whole number from 1 to 5", "Great");
        assertThat(owner.post(path + "/feedback", Map.of("comment", "no stars")).statusCode()).isEqualTo(422);

        HttpResponse<String> rated = owner.post(path + "/feedback", Map.of("rating", "4", "comment", "On time"));
        assertThat(rated.statusCode()).isEqualTo(302);
        assertThat(rated.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(owner.get(path).body()).contains("You rated this delivery 4 of 5.", "On time", "Change the rating");

        assertThat(owner.post(path + "/feedback", Map.of("rating", "2")).statusCode()).isEqualTo(302);
        assertThat(owner.get(path).body()).contains("You rated this delivery 2 of 5.");
        assertThat(api.get("/admin/feedback?max_rating=2", admin().token()).raw()).contains(shipment);

        PageSession stranger = signedIn(customer());
        assertThat(stranger.get(path).statusCode()).isEqualTo(404);
        assertThat(stranger.post(path + "/feedback", Map.of("rating", "1")).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/portal/shipments/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        // The agent who delivered it sees the shipment, but only its customer rates it.
        PageSession deliverer = signedIn(agent);
        assertThat(deliverer.get(path).body()).doesNotContain("id=\"feedback-form\"");
        assertThat(deliverer.post(path + "/feedback", Map.of("rating", "1")).statusCode()).isEqualTo(403);
        assertThat(owner.get(path).body()).contains("You rated this delivery 2 of 5.");
    }

    @Test
    void shouldRefuseARatingBeforeDelivery() throws Exception {
        Account customer = customer();
        String shipment = book(customer).text("id");
        awaitEvents();
        PageSession owner = signedIn(customer);

        assertThat(owner.get("/portal/shipments/" + shipment).body()).doesNotContain("id=\"feedback-form\"");
        HttpResponse<String> early = owner.post("/portal/shipments/" + shipment + "/feedback", Map.of("rating", "5"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("not delivered yet");
    }

    @Test
    void shouldLetTheCustomerOpenFollowAndCloseATicketAboutTheirShipmentOnly() throws Exception {
        Account customer = customer();
        String shipment = book(customer).text("id");
        String number = api.get("/shipments/" + shipment, customer.token()).text("tracking_number");
        awaitEvents();
        PageSession owner = signedIn(customer);

        HttpResponse<String> form = owner.get("/portal/tickets/new?shipment=" + shipment);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + shipment + "\" selected=\"selected\"", number, "Lost parcel");

        HttpResponse<String> blank = owner.post("/portal/tickets", Map.of("category", "delay", "shipment_id", shipment,
                "message", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"message-error\"", "must not be blank");
        HttpResponse<String> noCategory = owner.post("/portal/tickets", Map.of("shipment_id", shipment,
                "message", "Where is it?"));
        assertThat(noCategory.statusCode()).isEqualTo(422);
        assertThat(noCategory.body()).contains("id=\"category-error\"", "Where is it?");
        assertThat(owner.postWithoutToken("/portal/tickets", Map.of("category", "delay", "message", "x")).statusCode())
                .isEqualTo(403);

        HttpResponse<String> opened = owner.post("/portal/tickets", Map.of("category", "delay", "shipment_id", shipment,
                "message", "It is two days late."));
        assertThat(opened.statusCode()).isEqualTo(302);
        Matcher id = TICKET.matcher(opened.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        String ticket = "/portal/tickets/" + id.group(1);

        HttpResponse<String> page = owner.get(ticket);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Support ticket: Delay", "It is two days late.", number, "Open");
        HttpResponse<String> mine = owner.get("/portal/tickets");
        assertThat(mine.body()).contains(id.group(1), "Delay", "1 message(s)");
        assertThat(owner.get("/portal/tickets?status=closed").body()).doesNotContain(id.group(1));
        assertThat(owner.get("/portal/tickets?status=sideways").statusCode()).isEqualTo(400);

        assertThat(owner.post(ticket + "/messages", Map.of("message", "")).statusCode()).isEqualTo(422);
        assertThat(owner.post(ticket + "/messages", Map.of("message", "Any news?")).statusCode()).isEqualTo(302);
        assertThat(owner.get(ticket).body()).contains("Any news?");
        // Staff answer through the API; the customer reads it on the page.
        assertThat(api.post("/tickets/" + id.group(1) + "/messages", admin().token(),
                Map.of("message", "It arrives tomorrow.")).status()).isEqualTo(201);
        assertThat(owner.get(ticket).body()).contains("It arrives tomorrow.", "Waybill support", "In progress");

        PageSession stranger = signedIn(customer());
        assertThat(stranger.get(ticket).statusCode()).isEqualTo(404);
        assertThat(stranger.post(ticket + "/messages", Map.of("message", "Me too")).statusCode()).isEqualTo(404);
        assertThat(stranger.post(ticket + "/close", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/portal/tickets").body()).doesNotContain(id.group(1));
        assertThat(stranger.get("/portal/tickets/not-a-ticket").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/portal/tickets/new?shipment=" + shipment).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/portal/tickets", Map.of("category", "lost", "shipment_id", shipment,
                "message", "Whose is this?")).statusCode()).isEqualTo(404);

        assertThat(owner.post(ticket + "/close", Map.of()).statusCode()).isEqualTo(302);
        HttpResponse<String> closed = owner.get(ticket);
        assertThat(closed.body()).contains("This ticket is closed.").doesNotContain("id=\"reply-form\"");
        assertThat(owner.post(ticket + "/messages", Map.of("message", "One more thing")).statusCode()).isEqualTo(409);

        HttpResponse<String> anonymous = new PageSession(port()).get("/portal/tickets");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/signin?continue=");
    }

    @Test
    void shouldLetTheCustomerChangeABookingUntilPickUpOnly() throws Exception {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        PageSession owner = signedIn(customer);
        String edit = "/portal/shipments/" + shipment + "/edit";

        HttpResponse<String> form = owner.get(edit);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"Chennai\"", "value=\"Bangalore\"");
        Map<String, String> changed = new LinkedHashMap<>(Map.of("source_address", "Chennai",
                "destination_address", "", "recipient_name", "Meena Iyer", "weight_kg", "3"));
        HttpResponse<String> refused = owner.post(edit, changed);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"destination_address-error\"", "Meena Iyer");

        changed.put("destination_address", "Mysuru");
        assertThat(owner.post(edit, changed).statusCode()).isEqualTo(302);
        assertThat(api.get("/shipments/" + shipment, customer.token()).raw()).contains("Mysuru", "Meena Iyer");
        assertThat(owner.get("/portal/shipments/" + shipment).body()).contains("Mysuru", "id=\"edit-shipment\"");

        PageSession stranger = signedIn(customer());
        assertThat(stranger.get(edit).statusCode()).isEqualTo(404);
        assertThat(stranger.post(edit, changed).statusCode()).isEqualTo(404);

        assign(shipment, agent);
        assertThat(move(shipment, agent, "picked_up", "Chennai").status()).isEqualTo(200);
        assertThat(owner.get("/portal/shipments/" + shipment).body()).doesNotContain("id=\"edit-shipment\"");
        assertThat(owner.get(edit).statusCode()).isEqualTo(409);
        assertThat(owner.post(edit, changed).statusCode()).isEqualTo(409);
    }

    @Test
    void shouldTakeTheCustomersInstructionAfterAFailedAttemptOnly() throws Exception {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        PageSession owner = signedIn(customer);
        String path = "/portal/shipments/" + shipment;

        assertThat(owner.get(path).body()).doesNotContain("id=\"instruction-form\"");
        assertThat(owner.post(path + "/instructions", Map.of("action", "hold_at_hub")).statusCode()).isEqualTo(409);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery", "delivery_failed")) {
            assertThat(move(shipment, agent, status, "Bangalore").status()).isEqualTo(200);
        }
        assertThat(owner.get(path).body()).contains("id=\"instruction-form\"", "Send it back to the sender");

        HttpResponse<String> noDate = owner.post(path + "/instructions", Map.of("action", "reattempt", "date", ""));
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(noDate.body()).contains("id=\"date-error\"");
        assertThat(owner.post(path + "/instructions", Map.of("action", "teleport")).statusCode()).isEqualTo(422);
        assertThat(owner.post(path + "/instructions", Map.of("action", "reattempt", "date", "someday")).statusCode())
                .isEqualTo(422);
        assertThat(owner.postWithoutToken(path + "/instructions", Map.of("action", "hold_at_hub")).statusCode())
                .isEqualTo(403);
        assertThat(signedIn(customer()).post(path + "/instructions", Map.of("action", "hold_at_hub")).statusCode())
                .isEqualTo(404);

        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertThat(owner.post(path + "/instructions", Map.of("action", "reattempt", "date", tomorrow)).statusCode())
                .isEqualTo(302);
        assertThat(api.get("/shipments/" + shipment, admin().token()).raw()).contains("reattempt", tomorrow);
        assertThat(owner.get(path).body()).contains("id=\"instruction-given\"", "We will try again on");
    }

    @Test
    void shouldSearchTheCustomersShipmentsByRecipientAPageAtATime() throws Exception {
        Account customer = customer();
        String recipient = "Zubin " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 22; i++) {
            assertThat(api.post("/shipments", customer.token(), Map.of("source_address", "Chennai",
                    "destination_address", "Bangalore", "recipient_name", recipient + " " + i)).status()).isEqualTo(201);
        }
        book(customer);
        PageSession owner = signedIn(customer);
        String query = "/portal?q=" + URLEncoder.encode(recipient.toLowerCase(), StandardCharsets.UTF_8);

        HttpResponse<String> first = owner.get(query);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("22 shipment(s)", recipient + " 21", "page=1");
        assertThat(count(first.body(), "class=\"card\"")).isEqualTo(20);
        HttpResponse<String> second = owner.get(query + "&page=1");
        assertThat(count(second.body(), "class=\"card\"")).isEqualTo(2);
        assertThat(second.body()).contains(recipient + " 0", "page=0");
        assertThat(owner.get(query + "&status=delivered").body()).contains("0 shipment(s)");
        assertThat(signedIn(customer()).get(query).body()).contains("0 shipment(s)");
        // A literal % matches only itself.
        assertThat(owner.get("/portal?q=%25").body()).contains("0 shipment(s)");
    }

    private String delivered(Account customer, Account agent) {
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(shipment, agent, status, "Bangalore").status()).isEqualTo(200);
        }
        deliver(shipment, agent, "Door");
        awaitEvents();
        return shipment;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private PageSession signedIn(Account account) throws IOException, InterruptedException {
        return PageSession.signedIn(port(), account.email(), PASSWORD);
    }
}
