package io.waybill.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets kept in Redis, so that every instance counts against the same budgets. A bucket's key
 * expires once it would be full again, so Redis holds only the budgets in use.
 */
final class RedisBuckets implements BucketStore {

    private final ProxyManager<String> buckets;

    RedisBuckets(RedisClient redis, String prefix, Duration timeout) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(redis)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .requestTimeout(timeout)
                .build()
                .withMapper(key -> (prefix + key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
    }

    @Override
    public void remove(String key) {
        buckets.removeProxy(key);
    }
}
