package io.waybill.security.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.waybill.security.Throttle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Budgets held by this process as Bucket4j token buckets, refilled in full once per period: right
 * for a single instance. Full buckets are dropped now and then, so that a stream of new client
 * addresses cannot grow the map without end.
 */
final class InMemoryBuckets implements BudgetStore {

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    @Override
    public Throttle.Quota take(String key, long capacity, Duration period, int units) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
                .build(), capacity)).bucket().tryConsumeAndReturnRemaining(units);
        return new Throttle.Quota(probe.isConsumed(), capacity, probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(String key, long capacity) {
        Entry entry = buckets.get(key);
        if (entry != null) {
            entry.bucket().addTokens(1);
        }
    }

    @Override
    public void remove(String key) {
        buckets.remove(key);
    }

    /** Forgets buckets that are full again: they hold nothing a fresh bucket would not. */
    void evictFull() {
        buckets.entrySet().removeIf(entry -> entry.getValue().bucket().getAvailableTokens() >= entry.getValue().capacity());
    }

    int size() {
        return buckets.size();
    }

    private record Entry(Bucket bucket, long capacity) {
    }
}
