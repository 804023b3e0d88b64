package io.waybill.tracking.cache;

import io.waybill.kernel.RedisMode;
import io.waybill.tracking.TrackingCache;
import io.waybill.tracking.TrackingDocument;
import io.waybill.tracking.config.TrackingProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracking documents in Redis, shared by every instance: a hash per tracking number holding the
 * document and its sequence. A Lua script compares sequences and writes in one step, so a write
 * never replaces a newer document. Entries expire after a quiet spell and are rebuilt on demand.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisTrackingCache implements TrackingCache {

    private static final String PREFIX = "waybill:track:";
    private static final RedisScript<Long> STORE_IF_NEWER = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'seq')
            if current and tonumber(current) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'doc', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    RedisTrackingCache(StringRedisTemplate redis, JsonMapper json, TrackingProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.tracking().cacheTtl();
    }

    @Override
    public Optional<TrackingDocument> find(String trackingNumber) {
        Object document = redis.opsForHash().get(PREFIX + trackingNumber, "doc");
        return document == null ? Optional.empty()
                : Optional.of(json.readValue(document.toString(), TrackingDocument.class));
    }

    @Override
    public boolean storeIfNewer(TrackingDocument document) {
        Long stored = redis.execute(STORE_IF_NEWER, List.of(PREFIX + document.trackingNumber()),
                Long.toString(document.version()), json.writeValueAsString(document),
                Long.toString(ttl.toMillis()));
        return stored != null && stored == 1L;
    }

    @Override
    public String name() {
        return "Redis";
    }
}
