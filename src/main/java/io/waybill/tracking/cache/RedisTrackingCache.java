package io.waybill.tracking.cache;

import io.waybill.kernel.RedisMode;
import io.waybill.tracking.TrackingCache;
import io.waybill.tracking.TrackingPage;
import io.waybill.tracking.config.TrackingProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Public pages in Redis, shared by every instance: a hash per tracking number holding the page as
 * sent (its JSON and ETag) and its version. A Lua script compares sequences and writes in one step, so a write
 * never replaces a newer document. Entries expire after a quiet spell and are rebuilt on demand.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisTrackingCache implements TrackingCache {

    // Not "waybill:track:", where earlier versions kept a document to render at each read: those
    // entries simply expire.
    // Nor "waybill:track-page:", whose entries have no tenant.
    private static final String PREFIX = "waybill:track-page-of-tenant:";
    private static final RedisScript<Long> STORE_IF_NEWER = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'seq')
            if current and tonumber(current) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'page', ARGV[2], 'etag', ARGV[3], 'tenant', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1""", Long.class);

    private static final List<Object> FIELDS = List.of("page", "etag", "seq", "tenant");

    private final StringRedisTemplate redis;
    private final Duration ttl;

    RedisTrackingCache(StringRedisTemplate redis, TrackingProperties properties) {
        this.redis = redis;
        this.ttl = properties.tracking().cacheTtl();
    }

    @Override
    public Optional<TrackingPage> find(String trackingNumber) {
        List<Object> values = redis.opsForHash().multiGet(PREFIX + trackingNumber, FIELDS);
        if (values.size() != FIELDS.size() || values.contains(null)) {
            return Optional.empty();
        }
        return Optional.of(new TrackingPage(trackingNumber, Long.parseLong(values.get(2).toString()),
                values.get(0).toString(), values.get(1).toString(), UUID.fromString(values.get(3).toString())));
    }

    @Override
    public boolean storeIfNewer(TrackingPage page) {
        Long stored = redis.execute(STORE_IF_NEWER, List.of(PREFIX + page.trackingNumber()),
                Long.toString(page.version()), page.json(), page.etag(), Long.toString(ttl.toMillis()),
                page.tenantId().toString());
        return stored != null && stored == 1L;
    }

    @Override
    public String name() {
        return "Redis";
    }
}
