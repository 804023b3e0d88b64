package io.waybill.care;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Support tickets and delivery feedback over HTTP: who sees and answers a ticket, its statuses,
 * the mail to the other side of each reply, every refusal; a delivery rated once, changed within 7
 * days, and the admin's list of poor ratings.
 */
class CareApiIT extends ApiTest {

    @Autowired
    private ShipmentCopies copies;

    @Test
    void shouldLetTheRequesterAndTheAssignedAgentTalkOnATicketAboutItsShipment() {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        awaitEvents();

        Api.Response opened = api.post("/tickets", customer.token(),
                Map.of("shipment_id", shipment, "category", "delay", "message", "Where is my parcel?"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String ticket = opened.text("id");
        assertThat(opened.header("Location")).endsWith("/tickets/" + ticket);
        assertThat(opened.text("status")).isEqualTo("open");
        assertThat(opened.text("shipment_id")).isEqualTo(shipment);

        Api.Response answered = api.post("/tickets/" + ticket + "/messages", agent.token(),
                Map.of("message", "It leaves the hub tonight."));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(answered.text("status")).isEqualTo("in_progress");
        assertThat(answered.body().hasNonNull("first_response_at")).isTrue();

        eventually(() -> assertThat(api.get("/admin/reports", admin().token()).body().get("support")
                .get("first_responses").asLong()).isPositive());
        Api.Response back = api.post("/tickets/" + ticket + "/messages", customer.token(), Map.of("message", "Thanks"));
        assertThat(back.status()).isEqualTo(201);
        JsonNode thread = api.get("/tickets/" + ticket, customer.token()).body().get("messages");
        assertThat(sides(thread)).containsExactly("requester", "staff", "requester");
        assertThat(thread.get(1).get("author_id").asString()).isEqualTo(agent.id().toString());

        assertThat(api.get("/tickets/" + ticket, agent.token()).status()).isEqualTo(200);
        assertThat(api.get("/tickets", agent.token()).body().get("items").get(0).get("id").asString())
                .isEqualTo(ticket);
    }

    @Test
    void shouldAnswerAStrangerForATicketOrShipmentAsForOneThatDoesNotExist() {
        Account customer = customer();
        Account stranger = customer();
        Account otherAgent = agent();
        String shipment = book(customer).text("id");
        awaitEvents();
        String ticket = api.post("/tickets", customer.token(),
                Map.of("shipment_id", shipment, "category", "lost", "message", "Lost?")).text("id");

        for (Account who : List.of(stranger, otherAgent)) {
            assertProblem(api.get("/tickets/" + ticket, who.token()), 404);
            assertProblem(api.post("/tickets/" + ticket + "/messages", who.token(), Map.of("message", "Hi")), 404);
            assertProblem(api.put("/tickets/" + ticket + "/status", who.token(), Map.of("status", "closed")), 404);
            Api.Response aboutIt = api.post("/tickets", who.token(),
                    Map.of("shipment_id", shipment, "category", "lost", "message", "Mine?"));
            Api.Response aboutNone = api.post("/tickets", who.token(),
                    Map.of("shipment_id", UUID.randomUUID().toString(), "category", "lost", "message", "Mine?"));
            assertProblem(aboutIt, 404);
            assertThat(aboutIt.body().get("detail")).isEqualTo(aboutNone.body().get("detail"));
            assertThat(api.get("/tickets", who.token()).body().get("total").asLong()).isZero();
        }
        assertProblem(api.get("/tickets/" + UUID.randomUUID(), customer.token()), 404);
    }

    @Test
    void shouldRefuseABadCategoryOrMessage() {
        Account customer = customer();

        Api.Response category = api.post("/tickets", customer.token(), Map.of("category", "late", "message", "x"));
        Api.Response blank = api.post("/tickets", customer.token(), Map.of("category", "other", "message", " "));
        Api.Response missing = api.post("/tickets", customer.token(), Map.of("message", "x"));

        assertProblem(category, 422);
        assertThat(category.raw()).contains("category");
        assertProblem(blank, 422);
        assertThat(blank.raw()).contains("message");
        assertProblem(missing, 422);
        Api.Response noShipment = api.post("/tickets", customer.token(), Map.of("category", "payment",
                "message", "Charged twice"));
        assertThat(noShipment.status()).isEqualTo(201);
        assertThat(noShipment.body().get("shipment_id").isNull()).isTrue();
    }

    @Test
    void shouldMoveATicketOnlyAlongItsTransitionsAndOnlyAsTheSideMay() {
        Account customer = customer();
        Account admin = admin();
        String ticket = openTicket(customer, "damage");

        assertProblem(api.put("/tickets/" + ticket + "/status", customer.token(), Map.of("status", "resolved")), 403);
        assertProblem(api.put("/tickets/" + ticket + "/status", admin.token(), Map.of("status", "done")), 422);
        assertThat(status(ticket, admin, "resolved").text("status")).isEqualTo("resolved");
        assertThat(status(ticket, customer, "open").text("status")).isEqualTo("open");
        assertThat(status(ticket, admin, "in_progress").text("status")).isEqualTo("in_progress");
        assertProblem(api.put("/tickets/" + ticket + "/status", admin.token(), Map.of("status", "open")), 409);
        assertThat(status(ticket, customer, "closed").text("status")).isEqualTo("closed");

        assertProblem(api.post("/tickets/" + ticket + "/messages", admin.token(), Map.of("message", "Late")), 409);
        assertProblem(api.put("/tickets/" + ticket + "/status", admin.token(), Map.of("status", "in_progress")), 409);
    }

    @Test
    void shouldListAllTicketsForAdminsWithFilters() {
        Account customer = customer();
        String damage = openTicket(customer, "damage");
        String payment = openTicket(customer, "payment");
        status(payment, admin(), "resolved");
        database().sql("update care.tickets set opened_at = opened_at - interval '3 days' where id = ?")
                .param(UUID.fromString(damage)).update();
        String admin = admin().token();

        assertThat(ids(api.get("/tickets?category=damage&size=100", admin))).contains(damage).doesNotContain(payment);
        assertThat(ids(api.get("/tickets?status=resolved&size=100", admin))).contains(payment).doesNotContain(damage);
        assertThat(ids(api.get("/tickets?older_than=P2D&size=100", admin))).contains(damage).doesNotContain(payment);
        assertThat(ids(api.get("/tickets", customer.token()))).containsExactly(payment, damage);
        assertThat(ids(api.get("/tickets", customer().token()))).isEmpty();

        assertProblem(api.get("/tickets?status=done", admin), 400);
        assertProblem(api.get("/tickets?category=late", admin), 400);
        assertProblem(api.get("/tickets?older_than=2days", admin), 400);
    }

    @Test
    void shouldMailTheOtherSideOfEachReply() {
        String email = Api.uniqueEmail("care");
        assertThat(api.post("/auth/register", null, Map.of("email", email, "password", PASSWORD,
                "full_name", "Carla Care")).status()).isEqualTo(201);
        assertThat(api.post("/auth/verify-email", null, Map.of("token", Mailbox.tokenIn(email, 1))).status())
                .isEqualTo(204);
        Account customer = login(email, PASSWORD);
        String ticket = openTicket(customer, "other");

        api.post("/tickets/" + ticket + "/messages", admin().token(), Map.of("message", "We are on it."));

        eventually(() -> assertThat(subjects(email)).anyMatch(subject -> subject.contains("support ticket")));
        MimeMessage mail = Mailbox.to(email).stream().filter(message -> subject(message).contains("support ticket"))
                .findFirst().orElseThrow();
        assertThat(Mailbox.body(mail)).contains(ticket).contains("Carla Care");
    }

    @Test
    void shouldLetTheCustomerRateADeliveryOnceAndChangeItWithinSevenDays() {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        awaitEvents();
        String feedback = "/shipments/" + shipment + "/feedback";

        assertProblem(api.post(feedback, customer.token(), Map.of("rating", 5)), 409);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(shipment, agent, status, "Bangalore").status()).isEqualTo(200);
        }
        deliver(shipment, agent, "Door");
        awaitEvents();

        assertProblem(api.post(feedback, customer().token(), Map.of("rating", 5)), 404);
        assertProblem(api.post(feedback, agent.token(), Map.of("rating", 5)), 403);
        assertProblem(api.post(feedback, customer.token(), Map.of("rating", 6)), 422);
        assertProblem(api.put(feedback, customer.token(), Map.of("rating", 3)), 404);
        Api.Response given = api.post(feedback, customer.token(), Map.of("rating", 2, "comment", "Left in the rain"));
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        assertThat(given.text("agent_id")).isEqualTo(agent.id().toString());
        assertProblem(api.post(feedback, customer.token(), Map.of("rating", 4)), 409);

        List<String> poor = shipments(api.get("/admin/feedback?max_rating=2&size=100", admin().token()));
        assertThat(poor).contains(shipment);

        Api.Response changed = api.put(feedback, customer.token(), Map.of("rating", 4, "comment", "Dried fine"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("rating").asInt()).isEqualTo(4);
        assertThat(shipments(api.get("/admin/feedback?max_rating=2&size=100", admin().token())))
                .doesNotContain(shipment);

        // The report counts the agent's rating once, as it stands after the change.
        eventually(() -> assertThat(rating(agent)).isEqualTo("4.0/1"));

        database().sql("update care.feedback set given_at = given_at - interval '8 days' where shipment_id = ?")
                .param(UUID.fromString(shipment)).update();
        assertProblem(api.put(feedback, customer.token(), Map.of("rating", 1)), 409);
        assertProblem(api.get("/admin/feedback?max_rating=0", admin().token()), 400);
    }

    @Test
    void shouldKeepTheNewestFactsOfAShipmentWhateverOrderTheEventsArriveIn() {
        UUID shipment = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        java.time.Instant at = java.time.Instant.parse("2026-05-01T10:00:00Z");

        // The copy is kept as the consumer keeps it: as the work of the events' (the default) tenant.
        TenantContext.runAs(TenantContext.DEFAULT, () -> {
            // Delivery (entry 4) and the assignment after entry 1 arrive before the booking and entry 2.
            copies.recordStatus(shipment, 4, "delivered", at.plusSeconds(40), second);
            copies.recordAgent(shipment, second, 8);
            copies.recordAgent(shipment, first, 3);
            copies.recordStatus(shipment, 2, "in_transit", at.plusSeconds(20), first);
            copies.recordAgent(shipment, first, 4);
            assertThat(copies.find(shipment)).as("unknown until its owner is").isEmpty();
            copies.recordOwner(shipment, customer);
            copies.recordStatus(shipment, 0, "created", at, null);

            ShipmentCopy copy = copies.find(shipment).orElseThrow();
            assertThat(copy.customerId()).isEqualTo(customer);
            assertThat(copy.status()).isEqualTo("delivered");
            assertThat(copy.agentId()).isEqualTo(second);
            assertThat(copy.deliveredBy()).isEqualTo(second);
            assertThat(copy.deliveredAt()).isEqualTo(at.plusSeconds(40));
        });
    }

    private String rating(Account agent) {
        for (JsonNode line : api.get("/admin/reports", admin().token()).body().get("agent_ratings")) {
            if (line.get("agent_id").asString().equals(agent.id().toString())) {
                return line.get("average_rating").asDouble() + "/" + line.get("ratings").asLong();
            }
        }
        return "none";
    }

    private String openTicket(Account requester, String category) {
        Api.Response opened = api.post("/tickets", requester.token(), Map.of("category", category,
                "message", "About my " + category));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    private Api.Response status(String ticket, Account who, String status) {
        Api.Response changed = api.put("/tickets/" + ticket + "/status", who.token(), Map.of("status", status));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        return changed;
    }

    private static List<String> sides(JsonNode thread) {
        List<String> sides = new ArrayList<>();
        thread.forEach(message -> sides.add(message.get("side").asString()));
        return sides;
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> shipments(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("shipment_id").asString()));
        return ids;
    }

    private static List<String> subjects(String address) {
        return Mailbox.to(address).stream().map(CareApiIT::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
