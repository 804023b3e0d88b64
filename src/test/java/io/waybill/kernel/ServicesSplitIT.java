package io.waybill.kernel;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.eventing.EventHandler;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A process that runs only some modules (WAYBILL_SERVICES=identity,shipments), on a database of its
 * own and Kafka, as one service of a split deployment: its own endpoints answer, the other modules'
 * paths do not exist, their consumer groups do not consume, and their schemas are not created.
 */
@DirtiesContext
class ServicesSplitIT extends ApiTest {

    @DynamicPropertySource
    static void split(DynamicPropertyRegistry registry) {
        registry.add("waybill.services", () -> "identity,shipments");
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        IsolatedDatabase.register(registry, "split");
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void shouldServeItsOwnModulesEndpoints() {
        Account customer = customer();
        String id = book(customer).text("id");

        assertThat(api.get("/shipments/" + id, customer.token()).status()).isEqualTo(200);
        assertThat(api.get("/auth/me", customer.token()).text("email")).isEqualTo(customer.email());
    }

    @Test
    void shouldNotServeTheOtherModulesPaths() {
        String admin = admin().token();

        assertProblem(api.get("/admin/hubs", admin), 404);
        assertProblem(api.get("/admin/vehicles", admin), 404);
        assertProblem(api.get("/admin/reports", admin), 404);
        assertProblem(api.get("/webhooks", admin), 404);
        assertProblem(api.get("/track/TRK00000000000", null), 404);
        assertProblem(api.get("/admin/agents/locations", admin), 404);
        assertProblem(api.get("/tickets", admin), 404);
        assertProblem(api.get("/admin/feedback", admin), 404);
        assertProblem(api.get("/bags/BAG0000000000", admin), 404);
    }

    @Test
    void shouldConsumeOnlyInItsOwnModulesGroups() {
        // The shipments module's groups (hub routing; its one copy of lanes and hubs, for delivery dates,
        // local times and the hub names on labels; its copy of the agents' positions; its copy of the proofs
        // each tenant accepts), and this service's own groups for the security module's copies of the accounts
        // and of the tenants' rate-limit budgets, and the mail module's copy of the tenants' senders.
        assertThat(context.getBeansOfType(EventHandler.class).values()).extracting(EventHandler::group)
                .containsExactlyInAnyOrder("shipments", "shipments-network", "shipments-agent-locations",
                        "shipments-tenants", "security-accounts-identity-shipments",
                        "security-tenant-budgets-identity-shipments", "mail-senders-identity-shipments");

        Account customer = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);

        // The shipments group reads the assignment from Kafka; network's hub assignment and reporting
        // would have read the booking (and notifications, tracking, its status) had they run here.
        eventually(Duration.ofSeconds(30), () -> assertThat(database().sql(
                "select distinct consumer_group from eventing.processed_events").query(String.class).list())
                .containsExactlyInAnyOrder("shipments", "security-accounts-identity-shipments"));
    }

    @Test
    void shouldCreateOnlyTheSchemasOfTheModulesItRuns() {
        assertThat(database().sql("select schema_name from information_schema.schemata").query(String.class).list())
                .contains("identity", "shipments", "eventing", "security", "audit", "mail")
                .doesNotContain("network", "reporting", "notifications", "tracking", "delivery", "care", "linehaul");
        assertThat(database().sql("""
                select table_schema from information_schema.tables where table_name = 'flyway_schema_history'""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("eventing", "security", "mail", "identity", "shipments");
    }
}
