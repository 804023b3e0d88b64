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
        "waybill.rate-limits.mail-request.capacity=2",
        "waybill.rate-limits.login-account-total.capacity=8"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisRateLimitApiIT extends ApiTest {

    @Test
    void shouldLimitPublicTrackingPerAddressInRedis() {
        String trackingNumber = book(customer()).text("tracking_number");
        Map<String, String> from = ThrottlingApiIT.from(ThrottlingApiIT.freshAddress());

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
                ThrottlingApiIT.from(ThrottlingApiIT.freshAddress())).status()).isEqualTo(200);
        assertThat(redisKeysFor("tracking:")).isNotEmpty();
    }

    @Test
    void shouldLimitRegistrationAndMailRequestsPerAddress() {
        Map<String, String> from = ThrottlingApiIT.from(ThrottlingApiIT.freshAddress());
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

    @Test
    void shouldLimitTrackingWhateverTheSpellingOfThePath() {
        String trackingNumber = book(customerFromElsewhere()).text("tracking_number");
        Map<String, String> from = ThrottlingApiIT.from(ThrottlingApiIT.freshAddress());
        assertThat(api.json("GET", "/%74rack/" + trackingNumber, null, null, from).status()).isEqualTo(200);
        assertThat(api.json("GET", "/track/" + trackingNumber, null, null, from).status()).isEqualTo(200);
        assertThat(api.json("GET", "/%74rack/" + trackingNumber, null, null, from).status()).isEqualTo(200);

        assertProblem(api.json("GET", "/track/" + trackingNumber, null, null, from), 429);
        assertProblem(api.json("GET", "/%74rack/" + trackingNumber, null, null, from), 429);
        assertProblem(api.json("GET", "/%74%72%61%63%6B/" + trackingNumber, null, null, from), 429);
        // Other spellings are refused by the firewall, or are no route at all: never answered with the data.
        for (String spelling : List.of("//track/", "/./track/", "/track/x/../", "/TRACK/", "/%2Ftrack/",
                "/track;jsessionid=1/", "/track%3Bx=1/")) {
            Api.Response response = api.json("GET", spelling + trackingNumber, null, null, from);
            assertThat(response.status()).as(spelling + " -> " + response).isIn(400, 401, 404, 429);
            assertThat(response.raw()).as(spelling).doesNotContain("\"tracking_number\"");
        }
    }

    @Test
    void shouldLimitRegistrationAndMailRequestsWhateverTheSpellingOfThePath() {
        Map<String, String> from = ThrottlingApiIT.from(ThrottlingApiIT.freshAddress());
        assertThat(register(from).status()).isEqualTo(201);
        assertThat(api.json("POST", "/auth/%72egister", null,
                Map.of("email", Api.uniqueEmail("limited"), "password", PASSWORD), from).status()).isEqualTo(201);
        assertProblem(api.json("POST", "/auth/%72egister", null,
                Map.of("email", Api.uniqueEmail("limited"), "password", PASSWORD), from), 429);

        assertThat(resetRequest(from).status()).isEqualTo(202);
        assertThat(api.json("POST", "/auth/request-password-%72eset", null, Map.of("email", Api.uniqueEmail("x")),
                from).status()).isEqualTo(202);
        assertProblem(api.json("POST", "/auth/request-password-%72eset", null, Map.of("email", Api.uniqueEmail("x")),
                from), 429);
    }

    @Test
    void shouldCompareAtMostTheBudgetOfParallelWrongLoginsInRedis() throws Exception {
        Account customer = customerFromElsewhere();
        Map<String, String> from = ThrottlingApiIT.from(ThrottlingApiIT.freshAddress());

        List<Integer> statuses = ThrottlingApiIT.inParallel(30, () -> api.json("POST", "/auth/login", null,
                Map.of("email", customer.email(), "password", "wrong-password"), from).status());

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(25);
    }

    @Test
    void shouldBoundGuessesAtOneAccountFromManyAddresses() {
        Account customer = customerFromElsewhere();
        for (int address = 1; address <= 4; address++) {
            Map<String, String> from = ThrottlingApiIT.from(ThrottlingApiIT.freshAddress());
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertProblem(api.json("POST", "/auth/login", null,
                        Map.of("email", customer.email(), "password", "wrong-password"), from), 401);
            }
        }

        // 8 failures from everywhere: the account's looser bound is spent, whatever the address.
        assertProblem(api.json("POST", "/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD),
                ThrottlingApiIT.from(ThrottlingApiIT.freshAddress())), 429);
    }

    /** A customer registered from an address of its own: 127.0.0.1 has only two registrations here. */
    private Account customerFromElsewhere() {
        String email = Api.uniqueEmail("customer");
        assertThat(api.json("POST", "/auth/register", null, Map.of("email", email, "password", PASSWORD),
                ThrottlingApiIT.from(ThrottlingApiIT.freshAddress())).status()).isEqualTo(201);
        return login(email, PASSWORD);
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
