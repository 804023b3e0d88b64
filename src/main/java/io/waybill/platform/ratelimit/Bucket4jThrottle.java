package io.waybill.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.waybill.platform.RateLimit;
import io.waybill.platform.Throttle;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final ReentrantLock[] stripes = new ReentrantLock[64];
    private volatile long storeDownUntil;

    Bucket4jThrottle(BucketStore store, Map<RateLimit, RateLimitProperties.Budget> budgets) {
        this(store, null, budgets);
    }

    Bucket4jThrottle(BucketStore store, BucketStore fallback, Map<RateLimit, RateLimitProperties.Budget> budgets) {
        this.store = store;
        this.fallback = fallback;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
        budgets.forEach((limit, budget) -> configurations.put(limit, BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.getCapacity())
                        .refillIntervally(budget.getCapacity(), budget.getPeriod()).build())
                .build()));
    }

    @Override
    public Quota take(RateLimit limit, String key) {
        ConsumptionProbe probe = oneAtATime(limit, key,
                () -> withStore(current -> bucket(current, limit, key).tryConsumeAndReturnRemaining(1)));
        return new Quota(probe.isConsumed(), capacity(limit), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(RateLimit limit, String key) {
        oneAtATime(limit, key, () -> withStore(current -> {
            bucket(current, limit, key).addTokens(1);
            return null;
        }));
    }

    /**
     * Lets one operation at a time in this process reach a key's bucket. The Redis buckets update by
     * compare-and-swap: a burst of parallel logins for one account would retry against each other
     * past the store's timeout, and the ones that gave up would count in this process instead, with
     * a budget of their own. Serialised here, each takes one round of the swap.
     */
    private <T> T oneAtATime(RateLimit limit, String key, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(storeKey(limit, key).hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
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
