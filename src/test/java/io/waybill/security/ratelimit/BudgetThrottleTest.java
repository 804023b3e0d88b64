package io.waybill.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

class BudgetThrottleTest {

    private final InMemoryBuckets buckets = new InMemoryBuckets();
    private final Throttle throttle = new BudgetThrottle(buckets, new Binder().bindOrCreate("waybill.rate-limits", RateLimitProperties.class).byLimit());

    @Test
    void shouldTakeFiveFailedLoginsPerAccountAndThenRefuse() {
        for (int failure = 1; failure <= 5; failure++) {
            assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test").remaining()).isEqualTo(5 - failure);
        }

        Throttle.Quota refused = throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test");
        assertThat(refused.taken()).isFalse();
        assertThat(refused.refusal("").retryAfterSeconds()).isBetween(1L, 15 * 60L);
        assertThat(refused.limit()).isEqualTo(5);
        assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "ravi@example.test").taken()).isTrue();
    }

    @Test
    void shouldTakeBackWhatIsGivenBackButNeverBeyondTheBudget() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test");
        }
        throttle.giveBack(RateLimit.LOGIN_ACCOUNT, "asha@example.test");

        assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test").remaining()).isZero();
        assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "asha@example.test").taken()).isFalse();

        throttle.giveBack(RateLimit.LOGIN_ACCOUNT, "ravi@example.test");
        assertThat(throttle.take(RateLimit.LOGIN_ACCOUNT, "ravi@example.test").remaining()).isEqualTo(4);
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
        throttle.giveBack(RateLimit.TRACKING, "198.18.0.2");

        buckets.evictFull();

        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void shouldTakeABatchWholeOrNotAtAll() {
        assertThat(throttle.take(RateLimit.TRACKING, "198.18.0.9", 50).remaining()).isEqualTo(10);

        Throttle.Quota refused = throttle.take(RateLimit.TRACKING, "198.18.0.9", 11);

        assertThat(refused.taken()).isFalse();
        assertThat(refused.remaining()).isEqualTo(10);
        assertThat(refused.refusal("").remaining()).isEqualTo(10);
        assertThat(refused.refusal("").retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(throttle.take(RateLimit.TRACKING, "198.18.0.9", 10).remaining()).isZero();
        assertThat(throttle.take(RateLimit.TRACKING, "198.18.0.9").taken()).isFalse();
    }
}
