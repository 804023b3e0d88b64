package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per account and client address (5 in 15 minutes), per account from
 * everywhere (50) and per client address (20 in these tests). Each test calls from an address of its own (X-Forwarded-For, which the test server trusts
 * from 127.0.0.1, as a proxy), so that it locks out nobody else.
 */
class ThrottlingApiIT extends ApiTest {

    @Test
    void shouldAnswerTheSixthBadPasswordInARowWith429AndRetryAfter() {
        Account customer = customer();
        Map<String, String> from = from(freshAddress());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(badLogin(customer.email(), from), 401);
        }

        Api.Response sixth = badLogin(customer.email(), from);

        assertProblem(sixth, 429);
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(sixth.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(sixth.header("X-RateLimit-Remaining")).isEqualTo("0");
        // Even the right password is refused from this address: guessing learns nothing.
        assertProblem(api.json("POST", "/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD),
                from), 429);
    }

    @Test
    void shouldLetTheOwnerInFromAnAddressThatHasNotFailed() {
        Account customer = customer();
        Map<String, String> guesser = from(freshAddress());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(badLogin(customer.email(), guesser), 401);
        }
        assertProblem(api.json("POST", "/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD),
                guesser), 429);

        Api.Response owner = api.json("POST", "/auth/login", null,
                Map.of("email", customer.email(), "password", PASSWORD), from(freshAddress()));

        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
    }

    @Test
    void shouldCompareAtMostTheBudgetOfParallelWrongLogins() throws Exception {
        Account customer = customer();
        Map<String, String> from = from(freshAddress());

        List<Integer> statuses = inParallel(30, () -> badLogin(customer.email(), from).status());

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(25);
    }

    @Test
    void shouldCountFailedLoginsPerAddressWhateverTheSpellingOfThePath() {
        Map<String, String> from = from(freshAddress());
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertProblem(api.json("POST", attempt % 2 == 0 ? "/auth/%6Cogin" : "/auth/login", null,
                    Map.of("email", Api.uniqueEmail("spelling"), "password", "wrong-password"), from), 401);
        }

        assertProblem(api.json("POST", "/auth/%6C%6F%67%69%6E", null,
                Map.of("email", Api.uniqueEmail("spelling"), "password", "wrong-password"), from), 429);
    }

    @Test
    void shouldNotLockOutAnotherAccountFromTheSameAddress() {
        Account victim = customer();
        Account neighbour = customer();
        Map<String, String> from = from(freshAddress());
        for (int attempt = 1; attempt <= 6; attempt++) {
            badLogin(victim.email(), from);
        }

        Api.Response other = api.json("POST", "/auth/login", null,
                Map.of("email", neighbour.email(), "password", PASSWORD), from);

        assertThat(other.status()).as(other.toString()).isEqualTo(200);
    }

    @Test
    void shouldLetAThrottledOwnerResetThePasswordAndLogIn() {
        Account customer = customer();
        Map<String, String> from = from(freshAddress());
        for (int attempt = 1; attempt <= 6; attempt++) {
            badLogin(customer.email(), from);
        }
        assertProblem(badLogin(customer.email(), from), 429);

        assertThat(api.json("POST", "/auth/request-password-reset", null, Map.of("email", customer.email()), from)
                .status()).isEqualTo(202);
        String token = Mailbox.tokenIn(customer.email(), 2);
        assertThat(api.json("POST", "/auth/reset-password", null,
                Map.of("token", token, "new_password", "my-new-password-1"), from).status()).isEqualTo(204);

        Api.Response login = api.json("POST", "/auth/login", null,
                Map.of("email", customer.email(), "password", "my-new-password-1"), from);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
    }

    @Test
    void shouldThrottleAnAddressThatTriesManyAccounts() {
        Map<String, String> from = from(freshAddress());
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertProblem(badLogin(Api.uniqueEmail("spray"), from), 401);
        }

        Api.Response refused = badLogin(Api.uniqueEmail("spray"), from);

        assertProblem(refused, 429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("20");
        // Another address is not affected.
        assertProblem(badLogin(Api.uniqueEmail("spray"), from(freshAddress())), 401);
    }

    @Test
    void shouldSendRateLimitHeadersWhereALimitApplies() {
        String trackingNumber = book(customer()).text("tracking_number");

        Api.Response tracked = api.json("GET", "/track/" + trackingNumber, null, null, from(freshAddress()));

        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.header("X-RateLimit-Limit")).isEqualTo("100000");
        assertThat(tracked.header("X-RateLimit-Remaining")).isEqualTo("99999");
        Api.Response registered = api.json("POST", "/auth/register", null,
                Map.of("email", Api.uniqueEmail("headers"), "password", PASSWORD), from(freshAddress()));
        assertThat(registered.header("X-RateLimit-Remaining")).isEqualTo("99999");
    }

    /** Runs {@code calls} copies of the call at once and returns their results. */
    static <T> List<T> inParallel(int calls, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private Api.Response badLogin(String email, Map<String, String> from) {
        return api.json("POST", "/auth/login", null, Map.of("email", email, "password", "wrong-password"), from);
    }

    static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    /** An address from the documentation range 198.18.0.0/15, drawn at random for each test. */
    static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
