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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each limit is a Bucket4j token bucket per key, refilled in full once per period: "5 failures in
 * 15 minutes" means five tokens that come back together 15 minutes after the bucket was last full.
 * When the shared store (Redis) cannot be reached, the limits are counted in this process for a
 * while instead: a request is neither failed nor let through unlimited because Redis is away.
 */
final class Bucket4jThrottle implements Throttle {

    private static final Logger log = LoggerFactory.getLogger(Bucket4jThrottle.class);
    private static final Duration RETRY_SHARED_STORE_AFTER = Duration.ofSeconds(1);

    private final BucketStore store;
    private final BucketStore fallback;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);
    private volatile long storeDownUntil;

    Bucket4jThrottle(BucketStore store, Map<RateLimit, RateLimitProperties.Budget> budgets) {
        this(store, null, budgets);
    }

    Bucket4jThrottle(BucketStore store, BucketStore fallback, Map<RateLimit, RateLimitProperties.Budget> budgets) {
        this.store = store;
        this.fallback = fallback;
        budgets.forEach((limit, budget) -> configurations.put(limit, BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.getCapacity())
                        .refillIntervally(budget.getCapacity(), budget.getPeriod()).build())
                .build()));
    }

    @Override
    public Quota take(RateLimit limit, String key) {
        ConsumptionProbe probe = withStore(current -> bucket(current, limit, key).tryConsumeAndReturnRemaining(1));
        return new Quota(probe.isConsumed(), capacity(limit), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void requireAvailable(RateLimit limit, String key) {
        EstimationProbe probe = withStore(current -> bucket(current, limit, key).estimateAbilityToConsume(1));
        if (!probe.canBeConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyRequestsException("Too many failed attempts: try again in " + seconds + " seconds"
                    + (limit == RateLimit.LOGIN_ACCOUNT ? ", or reset the password." : "."), wait, capacity(limit));
        }
    }

    @Override
    public void reset(RateLimit limit, String key) {
        withStore(current -> {
            current.remove(storeKey(limit, key));
            return null;
        });
    }

    private <T> T withStore(Function<BucketStore, T> action) {
        if (fallback != null && System.nanoTime() < storeDownUntil) {
            return action.apply(fallback);
        }
        try {
            return action.apply(store);
        } catch (RuntimeException unreachable) {
            if (fallback == null) {
                throw unreachable;
            }
            storeDownUntil = System.nanoTime() + RETRY_SHARED_STORE_AFTER.toNanos();
            log.warn("Rate-limit store unreachable ({}); counting in this process for now", unreachable.toString());
            return action.apply(fallback);
        }
    }

    private Bucket bucket(BucketStore from, RateLimit limit, String key) {
        return from.bucket(storeKey(limit, key), configurations.get(limit));
    }

    private long capacity(RateLimit limit) {
        return configurations.get(limit).getBandwidths()[0].getCapacity();
    }

    private static String storeKey(RateLimit limit, String key) {
        return limit.configName() + ":" + key;
    }
}
