package io.waybill.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.platform.RateLimit;
import io.waybill.platform.Throttle;
import io.waybill.platform.TooManyRequestsException;
import org.junit.jupiter.api.Test;

class Bucket4jThrottleTest {

    private final InMemoryBuckets buckets = new InMemoryBuckets();
    private final Throttle throttle = new Bucket4jThrottle(buckets, new RateLimitProperties().byLimit());

    @Test
    void shouldTakeFiveFailedLoginsPerAccountAndThenRefuse() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.requireAvailable(RateLimit.LOGIN_ACCOUNT, "asha@example.test");
            assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test").remaining()).isEqualTo(5 - failure);
        }

        assertThatThrownBy(() -> throttle.requireAvailable(RateLimit.LOGIN_ACCOUNT, "asha@example.test"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, refused -> {
                    assertThat(refused.retryAfterSeconds()).isBetween(1L, 15 * 60L);
                    assertThat(refused.limit()).isEqualTo(5);
                });
        throttle.requireAvailable(RateLimit.LOGIN_ACCOUNT, "ravi@example.test");
    }

    @Test
    void shouldGiveTheFullBudgetBackOnReset() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test");
        }

        throttle.reset(RateLimit.LOGIN_ACCOUNT, "asha@example.test");

        assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test").remaining()).isEqualTo(4);
    }

    @Test
    void shouldForgetFullBucketsOnly() {
        throttle.take(RateLimit.TRACKING, "198.18.0.1");
        throttle.requireAvailable(RateLimit.TRACKING, "198.18.0.2");

        buckets.evictFull();

        assertThat(buckets.size()).isEqualTo(1);
    }
}
