package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.waybill.WaybillApplication;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.LiveClients;
import io.waybill.support.TestRedis;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of the service (this test's server, A, and a second one, B, started beside it) on
 * the same PostgreSQL database and the machine's Redis. Both run the event consumers, so either may
 * handle a change's event; Redis pub/sub carries the update to the sockets of both.
 */
@DirtiesContext
class TwoInstanceLiveUpdatesIT extends ApiTest {

    private static final String CHANNEL = "waybill-test:live:" + UUID.randomUUID();
    private static final String REDIS = "redis://" + TestRedis.host() + ":" + TestRedis.port() + "/4";
    private static ConfigurableApplicationContext instanceB;

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void sharedRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> REDIS);
        registry.add("waybill.live.redis-channel", () -> CHANNEL);
        IsolatedDatabase.register(registry, "live");
    }

    @BeforeEach
    void startSecondInstance() throws Exception {
        if (instanceB != null) {
            return;
        }
        HikariDataSource database = dataSource.unwrap(HikariDataSource.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", database.getJdbcUrl());
        properties.put("spring.datasource.username", database.getUsername() == null ? "" : database.getUsername());
        properties.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        properties.put("spring.data.redis.url", REDIS);
        properties.put("waybill.live.redis-channel", CHANNEL);
        properties.put("waybill.jwt.secret", JWT_SECRET);
        properties.put("waybill.data-dir", "target/test-data-instance-b");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", "1");
        properties.put("waybill.rate-limits.redis-key-prefix", "waybill-test:" + UUID.randomUUID() + ":");
        // As command-line arguments: they outrank the environment (SPRING_DATASOURCE_URL names A's default database).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        instanceB = new SpringApplicationBuilder(WaybillApplication.class).run(arguments);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    private static int portOfB() {
        return ((WebServerApplicationContext) instanceB).getWebServer().getPort();
    }

    @Test
    void shouldShowASocketOnInstanceBAChangeMadeThroughInstanceA() {
        Account alice = customer();
        Account bob = customer();
        Account agent = agent();
        try (LiveClients.Socket aliceOnB = LiveClients.socket(portOfB(), "?access_token=" + alice.token())
                .awaitSubscribed();
                LiveClients.Socket bobOnB = LiveClients.socket(portOfB(), "?access_token=" + bob.token())
                        .awaitSubscribed();
                LiveClients.Socket bobOnA = LiveClients.socket(port(), "?access_token=" + bob.token())
                        .awaitSubscribed()) {
            Api.Response alices = book(alice);
            String number = alices.text("tracking_number");
            assign(alices.text("id"), agent);
            for (String[] step : new String[][] {{"picked_up", "Chennai"}, {"in_transit", "Salem"},
                    {"out_for_delivery", "Bangalore"}}) {
                assertThat(api.put("/shipments/" + alices.text("id") + "/status", agent.token(),
                        Map.of("status", step[0], "location", step[1])).status()).isEqualTo(200);
            }
            String bobsNumber = book(bob).text("tracking_number");

            eventually(Duration.ofSeconds(10), () -> assertThat(aliceOnB.updatesOf(number)).hasSize(4));
            assertThat(aliceOnB.updatesOf(number)).extracting(m -> m.get("status").asString())
                    .containsExactly("created", "picked_up", "in_transit", "out_for_delivery");
            eventually(Duration.ofSeconds(10), () -> {
                assertThat(bobOnB.updatesOf(bobsNumber)).hasSize(1);
                assertThat(bobOnA.updatesOf(bobsNumber)).hasSize(1);
            });
            assertThat(bobOnB.messages).noneMatch(m -> number.equals(m.path("tracking_number").asString("")));
            assertThat(bobOnA.messages).noneMatch(m -> number.equals(m.path("tracking_number").asString("")));
            assertThat(aliceOnB.updatesOf(bobsNumber)).isEmpty();
        }
    }

    @Test
    void shouldStreamOverSseOnBTheChangesMadeThroughA() {
        Account customer = customer();
        Account agent = agent();
        Api.Response booked = book(customer);
        String id = booked.text("id");
        assign(id, agent);
        try (LiveClients.Stream stream = LiveClients.stream(portOfB(), "/shipments/" + id + "/events",
                customer.token())) {
            assertThat(stream.status).isEqualTo(200);
            eventually(() -> assertThat(stream.events).hasSize(1));
            api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "picked_up", "location", "A"));
            api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "in_transit", "location", "B"));
            eventually(Duration.ofSeconds(10), () -> assertThat(stream.events)
                    .extracting(e -> e.get("status").asString()).containsExactly("created", "picked_up", "in_transit"));
        }
    }

    @Test
    void shouldCloseOnInstanceBTheSocketOfAnAccountDeletedThroughA() {
        Account customer = customer();
        try (LiveClients.Socket onB = LiveClients.socket(portOfB(), "?access_token=" + customer.token())
                .awaitSubscribed()) {
            assertThat(api.delete("/admin/users/" + customer.id(), admin().token()).status()).isEqualTo(204);
            assertThat(onB.closed.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).startsWith("1008")
                    .contains("account was deleted");
        }
    }
}
