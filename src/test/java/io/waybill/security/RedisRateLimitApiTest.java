package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-address limits with small explicit sizes, counted in the machine's real Redis (as several
 * instances would share them). A context of its own, closed after, with its own data directory.
 */
@TestPropertySource(properties = {
        "spring.data.redis.url=redis://127.0.0.1:6379",
        "waybill.data-dir=target/test-data-redis",
        "waybill.rate-limits.tracking.capacity=3",
        "waybill.rate-limits.registration.capacity=2",
        "waybill.rate-limits.mail-request.capacity=2"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisRateLimitApiTest extends ApiTest {

    @Test
    void shouldLimitPublicTrackingPerAddressInRedis() {
        String trackingNumber = book(customer()).text("tracking_number");
        Map<String, String> from = ThrottlingApiTest.from(ThrottlingApiTest.freshAddress());

        for (int lookup = 1; lookup <= 3; lookup++) {
            Api.Response response = api.json("GET", "/track/" + trackingNumber, null, null, from);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(3 - lookup));
        }
        Api.Response fourth = api.json("GET", "/track/" + trackingNumber, null, null, from);

        assertProblem(fourth, 429);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(fourth.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(api.json("GET", "/track/" + trackingNumber, null, null,
                ThrottlingApiTest.from(ThrottlingApiTest.freshAddress())).status()).isEqualTo(200);
        assertThat(redisKeysFor("tracking:")).isNotEmpty();
    }

    @Test
    void shouldLimitRegistrationAndMailRequestsPerAddress() {
        Map<String, String> from = ThrottlingApiTest.from(ThrottlingApiTest.freshAddress());
        for (int i = 0; i < 2; i++) {
            assertThat(register(from).status()).isEqualTo(201);
        }
        assertProblem(register(from), 429);
        // An admin creating staff accounts is not counted.
        Api.Response staff = api.json("POST", "/auth/register", admin().token(),
                Map.of("email", Api.uniqueEmail("staff"), "password", PASSWORD, "role", "agent"), from);
        assertThat(staff.status()).isEqualTo(201);

        for (int i = 0; i < 2; i++) {
            assertThat(resetRequest(from).status()).isEqualTo(202);
        }
        assertProblem(resetRequest(from), 429);
    }

    private Api.Response register(Map<String, String> from) {
        return api.json("POST", "/auth/register", null, Map.of("email", Api.uniqueEmail("limited"), "password", PASSWORD),
                from);
    }

    private Api.Response resetRequest(Map<String, String> from) {
        return api.json("POST", "/auth/request-password-reset", null, Map.of("email", Api.uniqueEmail("x")), from);
    }

    private static List<String> redisKeysFor(String infix) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys("waybill-test:*" + infix + "*");
        } finally {
            client.shutdown();
        }
    }
}
