package io.waybill.shipments;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Proofs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cash on delivery over HTTP: booking with an amount due, collecting it at the door (a different
 * amount refused unless an admin allowed it), the agent's cash, remittances settling the oldest
 * collections, refunds, the payment events and the report's cash outstanding.
 */
class CashOnDeliveryApiIT extends ApiTest {

    private static Map<String, Object> cod(long amountMinor) {
        return Map.of("method", "cash_on_delivery", "amount_minor", amountMinor, "currency", "INR");
    }

    private Api.Response bookWith(Account customer, Object payment) {
        Map<String, Object> body = new HashMap<>(Map.of("source_address", "Chennai",
                "destination_address", "5 MG Road, Bengaluru"));
        body.put("payment", payment);
        return api.post("/shipments", customer.token(), body);
    }

    /** A cash-on-delivery shipment of this customer, out for delivery with this agent. */
    private String outForDelivery(Account customer, Account agent, long amountMinor) {
        Api.Response booked = bookWith(customer, cod(amountMinor));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        assign(id, agent);
        for (String status : List.of("in_transit", "out_for_delivery")) {
            assertThat(move(id, agent, status, "Bengaluru hub").status()).isEqualTo(200);
        }
        return id;
    }

    private Api.Response deliverCollecting(String id, Account agent, Object collection) {
        Map<String, Object> proof = new HashMap<>(Proofs.signature("5 MG Road"));
        if (collection != null) {
            proof.put("collection", collection);
        }
        return api.post("/shipments/" + id + "/proof-of-delivery", agent.token(), proof);
    }

    private static Map<String, Object> collected(long amountMinor, String method) {
        return Map.of("amount_minor", amountMinor, "currency", "INR", "method", method);
    }

    private Api.Response remit(Account agent, long amountMinor, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("amount_minor", amountMinor, "currency", "INR"));
        if (reference != null) {
            body.put("reference", reference);
        }
        return api.post("/admin/agents/" + agent.id() + "/remittances", admin().token(), body);
    }

    private static JsonNode balance(Api.Response cash) {
        assertThat(cash.status()).as(cash.toString()).isEqualTo(200);
        return cash.body().get("balances").get(0);
    }

    private String paymentStatus(String id, Account reader) {
        return api.get("/shipments/" + id, reader.token()).body().get("payment").get("status").asString();
    }

    private static String field(Api.Response refused) {
        return refused.body().get("errors").get(0).get("field").asString();
    }

    @Test
    void shouldCarryCashFromBookingToRemittance() {
        Account customer = customer();
        Account agent = agent();
        String first = outForDelivery(customer, agent, 45000);
        String second = outForDelivery(customer, agent, 5000);

        Api.Response shown = api.get("/shipments/" + first, customer.token());
        assertThat(shown.body().get("payment").get("method").asString()).isEqualTo("cash_on_delivery");
        assertThat(shown.body().get("payment").get("amount_minor").asLong()).isEqualTo(45000);
        assertThat(shown.body().get("payment").get("currency").asString()).isEqualTo("INR");
        assertThat(shown.body().get("payment").get("status").asString()).isEqualTo("pending");
        assertThat(api.get("/track/" + shown.text("tracking_number"), null).raw())
                .doesNotContain("amount_minor").doesNotContain("45000").doesNotContain("cash_on_delivery");

        Api.Response missing = deliverCollecting(first, agent, null);
        assertProblem(missing, 422);
        assertThat(field(missing)).isEqualTo("collection");
        Api.Response short_ = deliverCollecting(first, agent, collected(40000, "cash"));
        assertProblem(short_, 422);
        assertThat(field(short_)).isEqualTo("collection.amount_minor");
        assertThat(paymentStatus(first, customer)).isEqualTo("pending");
        assertThat(api.get("/shipments/" + first, customer.token()).text("status")).isEqualTo("out_for_delivery");

        assertThat(deliverCollecting(first, agent, collected(45000, "cash")).status()).isEqualTo(201);
        assertThat(deliverCollecting(second, agent, collected(5000, "cash")).status()).isEqualTo(201);
        JsonNode payment = api.get("/shipments/" + first, agent.token()).body().get("payment");
        assertThat(payment.get("status").asString()).isEqualTo("collected");
        assertThat(payment.get("collection").get("method").asString()).isEqualTo("cash");
        assertThat(payment.get("collection").get("collected_by").asString()).isEqualTo(agent.id().toString());

        JsonNode held = balance(api.get("/agents/me/cash", agent.token()));
        assertThat(held.get("currency").asString()).isEqualTo("INR");
        assertThat(held.get("outstanding_minor").asLong()).isEqualTo(50000);
        assertThat(api.get("/agents/me/cash", agent.token()).body().get("collections").size()).isEqualTo(2);

        Api.Response tooMuch = remit(agent, 50001, "DEP-1");
        assertProblem(tooMuch, 422);
        assertThat(tooMuch.raw()).contains("INR 500.00");

        // 30,000 does not cover the oldest collection (45,000): nothing is remitted yet.
        Api.Response part = remit(agent, 30000, "DEP-1");
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(part.text("reference")).isEqualTo("DEP-1");
        assertThat(paymentStatus(first, customer)).isEqualTo("collected");
        awaitEvents();
        assertThat(outstandingInReport(agent)).isEqualTo(20000);

        assertThat(remit(agent, 20000, "DEP-2").status()).isEqualTo(201);
        assertThat(paymentStatus(first, customer)).isEqualTo("remitted");
        assertThat(paymentStatus(second, customer)).isEqualTo("remitted");
        JsonNode settled = balance(api.get("/admin/agents/" + agent.id() + "/cash", admin().token()));
        assertThat(settled.get("collected_minor").asLong()).isEqualTo(50000);
        assertThat(settled.get("remitted_minor").asLong()).isEqualTo(50000);
        assertThat(settled.get("outstanding_minor").asLong()).isZero();
        assertProblem(remit(agent, 1, "DEP-3"), 422);

        awaitEvents();
        assertThat(outstandingInReport(agent)).isZero();
        assertThat(database().sql("select count(*) from eventing.outbox where topic = 'payment.collected' and event_key in (?, ?)")
                .params(first, second).query(Long.class).single()).isEqualTo(2);
        assertThat(database().sql("select envelope::text from eventing.outbox where topic = 'payment.remitted' and event_key = ? "
                        + "order by id").param(agent.id().toString()).query(String.class).list())
                .hasSize(2).last().asString().contains(first).contains(second);
    }

    /** The agent's outstanding cash in the report; 0 when the report no longer lists them. */
    private long outstandingInReport(Account agent) {
        for (JsonNode line : api.get("/admin/reports", admin().token()).body().get("cash_outstanding")) {
            if (line.get("agent_id").asString().equals(agent.id().toString())) {
                return line.get("outstanding_minor").asLong();
            }
        }
        return 0;
    }

    @Test
    void shouldAcceptAnotherAmountOnlyOnceAnAdminAllowedIt() {
        Account customer = customer();
        Account agent = agent();
        String id = outForDelivery(customer, agent, 45000);

        assertProblem(api.put("/shipments/" + id + "/payment/allowance", customer.token(),
                Map.of("allow_mismatch", true)), 403);
        assertProblem(api.put("/shipments/" + id + "/payment/allowance", agent.token(),
                Map.of("allow_mismatch", true)), 403);
        assertProblem(api.put("/shipments/" + id + "/payment/allowance", admin().token(), Map.of()), 422);
        Api.Response allowed = api.put("/shipments/" + id + "/payment/allowance", admin().token(),
                Map.of("allow_mismatch", true));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.body().get("mismatch_allowed").asBoolean()).isTrue();

        assertProblem(deliverCollecting(id, agent, Map.of("amount_minor", 40000, "currency", "USD", "method", "cash")),
                422);
        Api.Response delivered = deliverCollecting(id, agent, collected(40000, "cash"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
        JsonNode payment = api.get("/shipments/" + id, customer.token()).body().get("payment");
        assertThat(payment.get("amount_minor").asLong()).isEqualTo(45000);
        assertThat(payment.get("collection").get("amount_minor").asLong()).isEqualTo(40000);
        assertThat(balance(api.get("/agents/me/cash", agent.token())).get("outstanding_minor").asLong())
                .isEqualTo(40000);
        assertProblem(api.put("/shipments/" + id + "/payment/allowance", admin().token(),
                Map.of("allow_mismatch", false)), 409);
    }

    @Test
    void shouldRefuseBadPaymentsAtBookingAndChangeThemOnlyBeforeDispatch() {
        Account customer = customer();
        Map<String, Object> decimals = Map.of("method", "cash_on_delivery", "amount_minor", 12.5, "currency", "INR");
        Map<String, Object> currency = Map.of("method", "cash_on_delivery", "amount_minor", 100, "currency", "RUPEES");
        Map<String, Object> negative = Map.of("method", "cash_on_delivery", "amount_minor", -5, "currency", "INR");
        Map<String, Object> noAmount = Map.of("method", "cash_on_delivery");
        Map<String, Object> prepaidWithAmount = Map.of("method", "prepaid", "amount_minor", 100, "currency", "INR");
        Map<String, Object> method = Map.of("method", "barter");
        for (Map<String, Object> bad : List.of(decimals, currency, negative, noAmount, prepaidWithAmount, method)) {
            Api.Response refused = bookWith(customer, bad);
            assertProblem(refused, 422);
            assertThat(field(refused)).as(bad.toString()).startsWith("payment.");
        }

        Api.Response prepaid = book(customer);
        assertThat(prepaid.body().get("payment").get("method").asString()).isEqualTo("prepaid");
        assertThat(prepaid.body().get("payment").has("status")).isFalse();
        String id = prepaid.text("id");
        Api.Response changed = api.put("/shipments/" + id, customer.token(), Map.of("payment", cod(9900)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("payment").get("amount_minor").asLong()).isEqualTo(9900);
        assertThat(changed.body().get("payment").get("status").asString()).isEqualTo("pending");

        Account agent = agent();
        assign(id, agent);
        assertThat(move(id, agent, "picked_up", "Chennai").status()).isEqualTo(200);
        assertProblem(api.put("/shipments/" + id, customer.token(), Map.of("payment", Map.of("method", "prepaid"))),
                409);
    }

    @Test
    void shouldRefuseACollectionForAPrepaidShipmentAndKeepCardPaymentsOutOfTheAgentsCash() {
        Account customer = customer();
        Account agent = agent();
        String prepaid = book(customer).text("id");
        assign(prepaid, agent);
        for (String status : List.of("in_transit", "out_for_delivery")) {
            assertThat(move(prepaid, agent, status, "Bengaluru hub").status()).isEqualTo(200);
        }
        assertProblem(deliverCollecting(prepaid, agent, collected(100, "cash")), 422);

        String card = outForDelivery(customer, agent, 7000);
        Api.Response badMethod = deliverCollecting(card, agent, collected(7000, "cheque"));
        assertProblem(badMethod, 422);
        assertThat(field(badMethod)).isEqualTo("collection.method");
        assertThat(deliverCollecting(card, agent, collected(7000, "card")).status()).isEqualTo(201);

        Api.Response cash = api.get("/agents/me/cash", agent.token());
        assertThat(cash.body().get("balances").size()).as(cash.toString()).isZero();
        assertThat(cash.body().get("collections").get(0).get("method").asString()).isEqualTo("card");
        assertProblem(remit(agent, 7000, "card"), 422);
    }

    @Test
    void shouldRefundOnlyARemittedPayment() {
        Account customer = customer();
        Account agent = agent();
        String id = outForDelivery(customer, agent, 12000);
        assertThat(deliverCollecting(id, agent, collected(12000, "cash")).status()).isEqualTo(201);

        assertProblem(api.post("/shipments/" + id + "/payment/refund", admin().token(), null), 409);
        assertThat(remit(agent, 12000, null).status()).isEqualTo(201);
        assertProblem(api.post("/shipments/" + id + "/payment/refund", customer.token(), null), 403);

        Api.Response refunded = api.post("/shipments/" + id + "/payment/refund", admin().token(), null);
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.text("status")).isEqualTo("refunded");
        assertThat(paymentStatus(id, customer)).isEqualTo("refunded");
        assertThat(balance(api.get("/agents/me/cash", agent.token())).get("outstanding_minor").asLong()).isZero();
        assertThat(database().sql("select count(*) from eventing.outbox where topic = 'payment.refunded' and event_key = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldShowCashOnlyToAdminsAndTheAgentThemselves() {
        Account customer = customer();
        Account agent = agent();
        Account otherAgent = agent();
        String id = outForDelivery(customer, agent, 3000);
        assertThat(deliverCollecting(id, agent, collected(3000, "cash")).status()).isEqualTo(201);

        assertProblem(api.get("/admin/agents/" + agent.id() + "/cash", agent.token()), 403);
        assertProblem(api.get("/admin/agents/" + agent.id() + "/cash", customer.token()), 403);
        assertProblem(api.get("/agents/me/cash", customer.token()), 403);
        assertProblem(api.get("/agents/me/cash", admin().token()), 403);
        assertThat(api.get("/agents/me/cash", otherAgent.token()).body().get("collections").size()).isZero();
        assertProblem(api.get("/admin/agents/" + UUID.randomUUID() + "/cash", admin().token()), 404);
        assertProblem(api.get("/admin/agents/" + customer.id() + "/cash", admin().token()), 404);
        assertProblem(api.post("/admin/agents/" + UUID.randomUUID() + "/remittances", admin().token(),
                Map.of("amount_minor", 1, "currency", "INR")), 404);
        assertProblem(api.post("/admin/agents/" + agent.id() + "/remittances", otherAgent.token(),
                Map.of("amount_minor", 1, "currency", "INR")), 403);
        assertProblem(api.post("/admin/agents/" + agent.id() + "/remittances", admin().token(),
                Map.of("amount_minor", 1, "currency", "EURO")), 422);
        assertProblem(api.get("/shipments/" + id, customer().token()), 404);
        assertProblem(api.put("/shipments/" + id + "/payment/allowance", otherAgent.token(),
                Map.of("allow_mismatch", true)), 403);
    }
}
