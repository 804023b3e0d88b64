package io.waybill.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets held by this process: right for a single instance. Full buckets are dropped now and
 * then, so that a stream of new client addresses cannot grow the map without end.
 */
final class InMemoryBuckets implements BucketStore {

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(configuration.getBandwidths()[0]).build(), configuration.getBandwidths()[0].getCapacity()))
                .bucket();
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
