package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.TcpProxy;
import io.waybill.support.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tracking cache on a real Redis (the machine's, else one the tests start), reached through a
 * relay the test can cut: the
 * public page is read from Redis, answers from the tracking read model in PostgreSQL while Redis is
 * unreachable, and the cache catches up with what happened meanwhile once Redis is back.
 */
@DirtiesContext
class RedisTrackingCacheIT extends ApiTest {

    private static final int DATABASE = 3;
    private static final TcpProxy REDIS = new TcpProxy(TestRedis.host(), TestRedis.port());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS.port() + "/" + DATABASE);
        IsolatedDatabase.register(registry, "redis");
    }

    @AfterEach
    void reconnect() {
        REDIS.restore();
    }

    @Test
    void shouldServeThePublicPageFromRedis() {
        Account agent = agent();
        Api.Response booked = book(customer());
        String number = booked.text("tracking_number");
        assign(booked.text("id"), agent);
        api.put("/shipments/" + booked.text("id") + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "Chennai"));

        eventually(() -> assertThat(cachedDocument(number)).contains("\"picked_up\"").contains("Chennai"));

        // The page is kept as sent: the answer is its JSON byte for byte, after the carrier's name, which
        // is added as it is sent (so a rename shows at once), and its ETag changes with either.
        Api.Response answer = api.get("/track/" + number, null);
        String carrier = api.get("/admin/tenant", admin().token()).text("display_name");
        assertThat(answer.raw()).isEqualTo("{\"carrier\":{\"name\":\"" + carrier + "\"},"
                + cachedDocument(number).substring(1));
        assertThat(answer.header("ETag")).isNotEqualTo(direct().opsForHash().get(KEY + number, "etag"));
        assertThat(direct().opsForHash().get(KEY + number, "tenant")).isEqualTo(TenantContext.DEFAULT.toString());

        // Change the cached copy behind the server's back: the page shows it, so it was read from Redis.
        ObjectNode document = (ObjectNode) JSON.readTree(cachedDocument(number));
        document.put("current_location", "Read from Redis");
        direct().opsForHash().put(KEY + number, "page", JSON.writeValueAsString(document));
        assertThat(api.get("/track/" + number, null).text("current_location")).isEqualTo("Read from Redis");
    }

    @Test
    void shouldAnswerFromPostgresWhileRedisIsUnreachableAndHealAfterwards() {
        Account agent = agent();
        Api.Response booked = book(customer());
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);
        eventually(() -> assertThat(cachedDocument(number)).isNotNull());

        REDIS.cut();
        assertThat(api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "Chennai")).status()).isEqualTo(200);
        assertThat(api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "in_transit", "location", "Salem")).status()).isEqualTo(200);
        // The read model follows the events while Redis is away (a moment behind the changes, as the
        // cache is when Redis is up): every answer meanwhile is a 200, and soon shows both changes.
        eventually(() -> {
            long started = System.nanoTime();
            Api.Response duringOutage = api.get("/track/" + number, null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(duringOutage.status()).isEqualTo(200);
            assertThat(millis).as("an unreachable Redis costs a request little").isLessThan(2_000);
            assertThat(duringOutage.text("status")).isEqualTo("in_transit");
            assertThat(duringOutage.text("current_location")).isEqualTo("Salem");
            assertThat(duringOutage.body().get("events").size()).isEqualTo(3);
        });
        assertThat(cachedDocument(number)).as("nothing reached Redis meanwhile").doesNotContain("Salem");

        REDIS.restore();
        eventually(Duration.ofSeconds(30), () -> assertThat(cachedDocument(number)).contains("Salem")
                .contains("\"in_transit\""));
        assertThat(api.get("/track/" + number, null).body().get("events").size()).isEqualTo(3);
    }

    private static String cachedDocument(String number) {
        Object document = direct().opsForHash().get(KEY + number, "page");
        return document == null ? null : document.toString();
    }

    private static final String KEY = "waybill:track-page-of-tenant:";
    private static StringRedisTemplate direct;

    /** A client that talks to Redis itself, not through the relay. */
    private static synchronized StringRedisTemplate direct() {
        if (direct == null) {
            RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(TestRedis.host(), TestRedis.port());
            configuration.setDatabase(DATABASE);
            LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
            factory.afterPropertiesSet();
            factory.start();
            direct = new StringRedisTemplate(factory);
        }
        return direct;
    }
}
