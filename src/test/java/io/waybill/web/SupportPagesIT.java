package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Support tickets as staff answer them, over plain HTTP: admins see every ticket, filter them,
 * answer and move them as the ticket allows; the agent assigned to a ticket's shipment answers it
 * too; customers, other agents and the signed-out are refused; and the poor ratings, for admins.
 */
class SupportPagesIT extends ApiTest {

    @Test
    void shouldSendTheSignedOutToSignInAndRefuseCustomers() throws Exception {
        Account customer = customer();
        String ticket = open(customer, null, "delay", "Where is my parcel?");
        PageSession signedOut = new PageSession(port());
        for (String path : List.of("/admin/pages/tickets", "/admin/pages/tickets/" + ticket, "/admin/pages/feedback")) {
            HttpResponse<String> refused = signedOut.get(path);
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/signin?continue=%2F");
        }

        // Even the ticket's own customer: their pages are /portal/tickets.
        PageSession owner = PageSession.signedIn(port(), customer.email(), PASSWORD);
        assertThat(owner.get("/admin/pages/tickets").statusCode()).isEqualTo(403);
        assertThat(owner.get("/admin/pages/tickets/" + ticket).statusCode()).isEqualTo(403);
        assertThat(owner.get("/admin/pages/feedback").statusCode()).isEqualTo(403);
        owner.get("/portal/tickets/" + ticket);
        assertThat(owner.post("/admin/pages/tickets/" + ticket + "/status", Map.of("status", "resolved"))
                .statusCode()).isEqualTo(403);
        assertThat(owner.post("/admin/pages/tickets/" + ticket + "/messages", Map.of("message", "As staff"))
                .statusCode()).isEqualTo(403);
        // Agents answer tickets about their shipments, but the ratings are the admins'.
        assertThat(PageSession.signedIn(port(), agent().email(), PASSWORD).get("/admin/pages/feedback").statusCode())
                .isEqualTo(403);

        Api.Response unchanged = api.get("/tickets/" + ticket, customer.token());
        assertThat(unchanged.text("status")).isEqualTo("open");
        assertThat(unchanged.body().get("messages")).hasSize(1);
    }

    @Test
    void shouldLetAnAdminFilterAnswerAndMoveATicketAsItAllows() throws Exception {
        Account customer = customer();
        String marker = "Parcel " + UUID.randomUUID();
        String ticket = open(customer, null, "damage", marker);
        PageSession admin = PageSession.signedIn(port(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String path = "/admin/pages/tickets/" + ticket;

        HttpResponse<String> list = admin.get("/admin/pages/tickets?status=open&category=damage");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"" + path + "\"", "href=\"/admin/pages/api-keys\"");
        assertThat(admin.get("/admin/pages/tickets?category=delay").body()).doesNotContain(path);
        assertThat(admin.get("/admin/pages/tickets?status=open&category=damage&older_than=P1D").body())
                .doesNotContain(path);
        assertThat(admin.get("/admin/pages/tickets?status=nope").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/pages/tickets?older_than=soon").statusCode()).isEqualTo(400);

        HttpResponse<String> page = admin.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(marker, "id=\"reply-form\"", "id=\"status-form\"",
                "value=\"in_progress\"", "value=\"resolved\"", "value=\"closed\"").doesNotContain("value=\"open\"");

        // Without its token a reply is refused; a blank one is shown beside the field; neither is added.
        assertThat(admin.postWithoutToken(path + "/messages", Map.of("message", "Sorry")).statusCode()).isEqualTo(403);
        HttpResponse<String> blank = admin.post(path + "/messages", Map.of("message", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"message-error\"", "must not be blank", marker);
        assertThat(api.get("/tickets/" + ticket, customer.token()).body().get("messages")).hasSize(1);

        HttpResponse<String> replied = admin.post(path + "/messages", Map.of("message", "We are on it."));
        assertThat(replied.statusCode()).isEqualTo(302);
        assertThat(replied.headers().firstValue("Location").orElseThrow()).endsWith(path);
        Api.Response answered = api.get("/tickets/" + ticket, customer.token());
        assertThat(answered.body().get("messages")).hasSize(2);
        assertThat(answered.body().get("messages").get(1).get("side").asString()).isEqualTo("staff");
        assertThat(answered.text("status")).isEqualTo("in_progress");
        assertThat(admin.get(path).body()).contains("Your answer is sent", "We are on it.");

        // A move the ticket does not allow is refused beside the choice, and changes nothing.
        assertThat(admin.postWithoutToken(path + "/status", Map.of("status", "resolved")).statusCode()).isEqualTo(403);
        HttpResponse<String> back = admin.post(path + "/status", Map.of("status", "open"));
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(back.body()).contains("id=\"status-error\"", "cannot go from in_progress to open");
        HttpResponse<String> unknown = admin.post(path + "/status", Map.of("status", "done"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"status-error\"");
        assertThat(api.get("/tickets/" + ticket, customer.token()).text("status")).isEqualTo("in_progress");

        assertThat(admin.post(path + "/status", Map.of("status", "resolved")).statusCode()).isEqualTo(302);
        assertThat(admin.post(path + "/status", Map.of("status", "closed")).statusCode()).isEqualTo(302);
        assertThat(api.get("/tickets/" + ticket, customer.token()).text("status")).isEqualTo("closed");
        HttpResponse<String> closed = admin.get(path);
        assertThat(closed.body()).contains("it takes no more answers").doesNotContain("id=\"reply-form\"")
                .doesNotContain("id=\"status-form\"");
        assertThat(admin.get("/admin/pages/tickets/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/pages/tickets/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLetTheAssignedAgentAnswerATicketAboutTheirShipmentAndNoOtherAgent() throws Exception {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        awaitEvents();
        String ticket = open(customer, shipment, "delay", "When does it come?");
        String path = "/admin/pages/tickets/" + ticket;

        PageSession other = PageSession.signedIn(port(), agent().email(), PASSWORD);
        assertThat(other.get("/admin/pages/tickets").body()).doesNotContain(path);
        assertThat(other.get(path).statusCode()).isEqualTo(404);
        assertThat(other.post(path + "/messages", Map.of("message", "Not mine")).statusCode()).isEqualTo(404);
        assertThat(other.post(path + "/status", Map.of("status", "resolved")).statusCode()).isEqualTo(404);

        PageSession assigned = PageSession.signedIn(port(), agent.email(), PASSWORD);
        HttpResponse<String> list = assigned.get("/admin/pages/tickets");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"" + path + "\"").doesNotContain("href=\"/admin/pages/audit\"");
        assertThat(assigned.get("/agent").body()).contains("href=\"/admin/pages/tickets\"");
        HttpResponse<String> page = assigned.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("When does it come?", "id=\"reply-form\"");
        assertThat(assigned.post(path + "/messages", Map.of("message", "Tomorrow morning.")).statusCode())
                .isEqualTo(302);

        Api.Response answered = api.get("/tickets/" + ticket, customer.token());
        assertThat(answered.body().get("messages")).hasSize(2);
        assertThat(answered.body().get("messages").get(1).get("author_id").asString())
                .isEqualTo(agent.id().toString());
        assertThat(answered.body().get("messages").get(1).get("body").asString()).isEqualTo("Tomorrow morning.");
    }

    @Test
    void shouldListThePoorRatingsForAdmins() throws Exception {
        Account customer = customer();
        Account agent = agent();
        String poor = "Late " + UUID.randomUUID();
        String good = "Fine " + UUID.randomUUID();
        rate(customer, delivered(customer, agent), 1, poor);
        rate(customer, delivered(customer, agent), 5, good);

        HttpResponse<String> page = PageSession.signedIn(port(), ADMIN_EMAIL, ADMIN_PASSWORD)
                .get("/admin/pages/feedback");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(poor, "1 of 5 stars", customer.id().toString()).doesNotContain(good);
    }

    private String open(Account customer, String shipment, String category, String message) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("category", category, "message", message));
        if (shipment != null) {
            body.put("shipment_id", shipment);
        }
        Api.Response opened = api.post("/tickets", customer.token(), body);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
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

    private void rate(Account customer, String shipment, int rating, String comment) {
        Api.Response rated = api.post("/shipments/" + shipment + "/feedback", customer.token(),
                Map.of("rating", rating, "comment", comment));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
    }
}
