package io.waybill.tracking.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requireNotNegative;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import io.waybill.kernel.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tracking module's settings: its cache ({@code waybill.tracking.*}) and live updates
 * ({@code waybill.live.*}). The origins that may open a WebSocket are the platform's
 * {@code waybill.cors.allowed-origins}.
 */
@ConfigurationProperties("waybill")
public record TrackingProperties(@DefaultValue Cache tracking, @DefaultValue Live live) {

    /**
     * @param cacheSize shipments kept by the in-process cache (without Redis)
     * @param cacheTtl  how long a quiet shipment stays in the Redis cache
     * @param newShipmentWait how long a lookup of a number or id not known yet waits for its booking's
     *                  event to arrive before it answers 404 (zero: not at all)
     * @param publicMaxAge how long browsers and shared caches may keep a public tracking page
     *                  ({@code Cache-Control: public, max-age}); zero: they must ask again each time
     */
    public record Cache(@DefaultValue("100000") int cacheSize, @DefaultValue("P7D") Duration cacheTtl,
            @DefaultValue("PT2S") Duration newShipmentWait, @DefaultValue("PT5S") Duration publicMaxAge) {

        public Cache {
            requireAtLeast("waybill.tracking.cache-size", cacheSize, 1);
            requirePositive("waybill.tracking.cache-ttl", cacheTtl);
            requireNotNegative("waybill.tracking.new-shipment-wait", newShipmentWait);
            requireNotNegative("waybill.tracking.public-max-age", publicMaxAge);
        }
    }

    /**
     * @param queueCapacity         updates a client may have waiting before it is disconnected
     * @param heartbeat             interval of the ping on idle connections
     * @param maxLifetime           a live stream ends after this long
     * @param maxStreamsPerAddress  open streams per client address
     * @param maxStreamsPerAccount  open streams per account
     * @param maxStreams            open streams on one instance
     * @param senderThreads         threads that write to live clients
     * @param redisChannel          the Redis pub/sub channel of live updates (with Redis)
     */
    public record Live(@DefaultValue("256") int queueCapacity, @DefaultValue("PT20S") Duration heartbeat,
            @DefaultValue("PT1H") Duration maxLifetime, @DefaultValue("20") int maxStreamsPerAddress,
            @DefaultValue("10") int maxStreamsPerAccount, @DefaultValue("10000") int maxStreams,
            @DefaultValue("8") int senderThreads, @DefaultValue("waybill:live:shipments") String redisChannel) {

        public Live {
            requireAtLeast("waybill.live.queue-capacity", queueCapacity, 1);
            requirePositive("waybill.live.heartbeat", heartbeat);
            requirePositive("waybill.live.max-lifetime", maxLifetime);
            requireAtLeast("waybill.live.max-streams-per-address", maxStreamsPerAddress, 1);
            requireAtLeast("waybill.live.max-streams-per-account", maxStreamsPerAccount, 1);
            requireAtLeast("waybill.live.max-streams", maxStreams, 1);
            requireAtLeast("waybill.live.sender-threads", senderThreads, 1);
            if (redisChannel == null || redisChannel.isBlank()) {
                throw new InvalidSettingException("waybill.live.redis-channel", "waybill.live.redis-channel is empty.",
                        "Set waybill.live.redis-channel to a channel name, or remove it to use the default.");
            }
        }
    }
}
