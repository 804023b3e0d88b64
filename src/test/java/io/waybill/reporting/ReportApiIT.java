package io.waybill.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.TenantContext;
import io.waybill.network.HubCreated;
import io.waybill.network.HubDeleted;
import io.waybill.network.HubUpdated;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportApiIT extends ApiTest {

    @Autowired
    private HubDirectory directory;

    @Autowired
    private JsonMapper json;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void shouldCountTheDaysBookingsAndStatusChanges() {
        String admin = admin().token();
        String city = "Report" + UUID.randomUUID().toString().substring(0, 8);
        String hubId = api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + UUID.randomUUID(), "city", city))
                .text("id");
        awaitEvents();
        Api.Response before = api.get("/admin/reports", admin);
        Account customer = customer();
        Account agent = agent();

        String delivered = bookFrom(customer, city);
        String cancelled = bookFrom(customer, city);
        String moving = bookFrom(customer, "Elsewhere");
        assign(delivered, agent);
        assign(moving, agent);
        for (String status : new String[] {"picked_up", "in_transit", "out_for_delivery", "delivered"}) {
            assertThat(move(delivered, agent, status, "Somewhere").status()).isBetween(200, 201);
        }
        api.put("/shipments/" + moving + "/status", agent.token(), Map.of("status", "in_transit", "location", "A"));
        api.put("/shipments/" + moving + "/status", agent.token(), Map.of("status", "in_transit", "location", "B"));
        api.delete("/shipments/" + cancelled, customer.token());
        awaitEvents();

        Api.Response after = api.get("/admin/reports", admin);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("date")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(delta(before, after, "total_shipments_today")).isEqualTo(3);
        assertThat(delta(before, after, "delivered")).isEqualTo(1);
        assertThat(delta(before, after, "in_transit")).isEqualTo(2);
        assertThat(delta(before, after, "out_for_delivery")).isEqualTo(1);
        assertThat(delta(before, after, "cancelled")).isEqualTo(1);
        assertThat(after.body().get("by_status").get("created").asLong()
                - before.body().get("by_status").get("created").asLong()).isEqualTo(3);
        assertThat(after.body().get("by_status").get("picked_up").asLong()
                - before.body().get("by_status").get("picked_up").asLong()).isEqualTo(1);
        JsonNode hubLine = hubLine(after, hubId);
        assertThat(hubLine.get("shipments_booked").asLong()).isEqualTo(2);
        assertThat(hubLine.get("delivered").asLong()).isEqualTo(1);
        assertThat(hubLine.get("city").asString()).isEqualTo(city);
    }

    /** Hubs are named as they are now: renamed, and gone once removed. */
    @Test
    void shouldNameTheHubsAsTheyAreNow() {
        String admin = admin().token();
        String hubId = api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + UUID.randomUUID(), "city", "Erode"))
                .text("id");
        String renamed = "Renamed " + UUID.randomUUID();
        api.put("/admin/hubs/" + hubId, admin, Map.of("hub_name", renamed, "city", "Salem"));
        awaitEvents();

        JsonNode line = hubLine(api.get("/admin/reports", admin), hubId);
        assertThat(line.get("hub_name").asString()).isEqualTo(renamed);
        assertThat(line.get("city").asString()).isEqualTo("Salem");

        assertThat(api.delete("/admin/hubs/" + hubId, admin).status()).isEqualTo(204);
        awaitEvents();
        assertThat(api.get("/admin/reports", admin).body().get("by_hub").valueStream()
                .map(hub -> hub.get("hub_id").asString())).doesNotContain(hubId);
    }

    /**
     * The report names hubs from reporting's own copy, fed by the network module's events, which may
     * come in any order: the newest state stands, and a removed hub stays removed.
     */
    @Test
    void shouldNameHubsFromItsOwnCopyWhateverOrderTheirEventsArriveIn() {
        String admin = admin().token();
        UUID hub = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(600);
        // Hubs the network module has never heard of: only the events make the report name them.
        feed(new HubUpdated(hub, "Newest " + hub, "Vellore", created.plusSeconds(60)));
        feed(new HubCreated(hub, "Oldest " + hub, "Katpadi", created));
        feed(new HubCreated(removed, "Removed " + removed, "Hosur", created));
        feed(new HubDeleted(removed, created.plusSeconds(60)));
        feed(new HubUpdated(removed, "Back " + removed, "Hosur", created.plusSeconds(120)));

        Api.Response report = api.get("/admin/reports", admin);

        JsonNode line = hubLine(report, hub.toString());
        assertThat(line.get("hub_name").asString()).isEqualTo("Newest " + hub);
        assertThat(line.get("city").asString()).isEqualTo("Vellore");
        assertThat(report.body().get("by_hub").valueStream().map(h -> h.get("hub_id").asString()))
                .doesNotContain(removed.toString());
    }

    @Test
    void shouldReportAnyDayAndRefuseABadDate() {
        String admin = admin().token();

        Api.Response past = api.get("/admin/reports?date=2001-01-01", admin);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.text("date")).isEqualTo("2001-01-01");
        assertThat(past.body().get("total_shipments_today").asLong()).isZero();
        assertThat(past.body().get("by_status").size()).isEqualTo(8);

        assertProblem(api.get("/admin/reports?date=yesterday", admin), 400);
        assertProblem(api.get("/admin/reports?date=2026-02-30", admin), 400);
        assertProblem(api.get("/admin/reports", customer().token()), 403);
        assertProblem(api.get("/admin/reports", agent().token()), 403);
        assertProblem(api.get("/admin/reports", null), 401);
    }

    /**
     * Hands an event to reporting's hub consumer as the transport would: in a transaction of its own, as
     * the work of the event's tenant (the default tenant's here, as the envelope names none).
     */
    private void feed(DomainEvent event) {
        ReceivedEvent received = new ReceivedEvent(UUID.randomUUID(), event.topic(), event.type(), event.version(),
                event.occurredAt(), event.key(), json.valueToTree(event), (payload, type) -> json.treeToValue(payload, type));
        TenantContext.runAs(received.tenantId(),
                () -> transaction.executeWithoutResult(status -> directory.handle(received)));
    }

    private String bookFrom(Account customer, String city) {
        Api.Response booked = api.post("/shipments", customer.token(),
                Map.of("source_address", "1 Road, " + city, "destination_address", "Bangalore"));
        assertThat(booked.status()).isEqualTo(201);
        return booked.text("id");
    }

    private static long delta(Api.Response before, Api.Response after, String field) {
        return after.body().get(field).asLong() - before.body().get(field).asLong();
    }

    private static JsonNode hubLine(Api.Response report, String hubId) {
        for (JsonNode line : report.body().get("by_hub")) {
            if (line.get("hub_id").asString().equals(hubId)) {
                return line;
            }
        }
        throw new AssertionError("No line for hub " + hubId + " in " + report.raw());
    }
}
