package io.waybill.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.waybill.platform.RateLimit;
import io.waybill.platform.Throttle;
import io.waybill.platform.TooManyRequestsException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Each limit is a Bucket4j token bucket per key, refilled in full once per period: "5 failures in
 * 15 minutes" means five tokens that come back together 15 minutes after the bucket was last full.
 */
final class Bucket4jThrottle implements Throttle {

    private final BucketStore store;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);

    Bucket4jThrottle(BucketStore store, Map<RateLimit, RateLimitProperties.Budget> budgets) {
        this.store = store;
        budgets.forEach((limit, budget) -> configurations.put(limit, BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.getCapacity())
                        .refillIntervally(budget.getCapacity(), budget.getPeriod()).build())
                .build()));
    }

    @Override
    public Quota take(RateLimit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return new Quota(probe.isConsumed(), capacity(limit), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void requireAvailable(RateLimit limit, String key) {
        EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyRequestsException("Too many failed attempts: try again in " + seconds + " seconds"
                    + (limit == RateLimit.LOGIN_ACCOUNT ? ", or reset the password." : "."), wait, capacity(limit));
        }
    }

    @Override
    public void reset(RateLimit limit, String key) {
        store.remove(storeKey(limit, key));
    }

    private Bucket bucket(RateLimit limit, String key) {
        return store.bucket(storeKey(limit, key), configurations.get(limit));
    }

    private long capacity(RateLimit limit) {
        return configurations.get(limit).getBandwidths()[0].getCapacity();
    }

    private static String storeKey(RateLimit limit, String key) {
        return limit.configName() + ":" + key;
    }
}
