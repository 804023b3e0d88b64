package io.waybill.tracking.live;

import io.waybill.platform.persistence.RedisMode;
import io.waybill.tracking.LiveFeed;
import io.waybill.tracking.LiveUpdate;
import io.waybill.tracking.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates through one Redis pub/sub channel that every instance subscribes to, so a client
 * on any instance sees a change whichever instance handled its event. While Redis is unreachable,
 * an update still reaches this instance's own clients.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisLiveFeed implements LiveFeed, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveFeed.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final LiveUpdates clients;
    private final String channel;
    private final RedisMessageListenerContainer listener;

    RedisLiveFeed(StringRedisTemplate redis, RedisConnectionFactory connections, JsonMapper json,
            LiveUpdates clients, @Value("${waybill.live.redis-channel:waybill:live:shipments}") String channel) {
        this.redis = redis;
        this.json = json;
        this.clients = clients;
        this.channel = channel;
        this.listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        // Dispatch on the subscription's own thread, one message after the other, so updates keep
        // their order; handing an update to the clients' queues never blocks.
        listener.setTaskExecutor(new SyncTaskExecutor());
        listener.addMessageListener(this::received, new ChannelTopic(channel));
        listener.afterPropertiesSet();
        listener.start();
    }

    @Override
    public void publish(LiveUpdate update) {
        try {
            redis.convertAndSend(channel, json.writeValueAsString(update));
        } catch (RuntimeException unreachable) {
            log.warn("Redis unreachable for live updates ({}); only this instance's clients get this one",
                    unreachable.toString());
            clients.fanOut(update);
        }
    }

    private void received(Message message, byte[] pattern) {
        try {
            clients.fanOut(json.readValue(message.getBody(), LiveUpdate.class));
        } catch (RuntimeException unreadable) {
            log.warn("Ignoring an unreadable live update: {}", unreadable.toString());
        }
    }

    @Override
    public void destroy() throws Exception {
        listener.stop();
        listener.destroy();
    }
}
