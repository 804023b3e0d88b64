package io.waybill.tracking.live;

import io.waybill.kernel.RedisMode;
import io.waybill.tracking.LiveFeed;
import io.waybill.tracking.LiveUpdate;
import io.waybill.tracking.LiveUpdates;
import io.waybill.tracking.config.TrackingProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * an update still reaches this instance's own clients. A sibling channel carries the accounts
 * whose streams must end (deleted accounts), so that each instance ends its own. Redis slow or
 * away at start-up does not stop the application: the subscription is retried in the background,
 * and until it holds, this instance's clients get its own updates directly.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisLiveFeed implements LiveFeed, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveFeed.class);
    private static final Duration SUBSCRIBE_RETRY = Duration.ofSeconds(2);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final LiveUpdates clients;
    private final String channel;
    private final String closures;
    private final String keyClosures;
    private final RedisMessageListenerContainer listener;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-feed-subscribe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean subscribed;

    RedisLiveFeed(StringRedisTemplate redis, RedisConnectionFactory connections, JsonMapper json,
            LiveUpdates clients, TrackingProperties properties) {
        String channel = properties.live().redisChannel();
        this.redis = redis;
        this.json = json;
        this.clients = clients;
        this.channel = channel;
        this.closures = channel + ":closed-accounts";
        this.keyClosures = channel + ":revoked-keys";
        this.listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        // Dispatch on the subscription's own thread, one message after the other, so updates keep
        // their order; handing an update to the clients' queues never blocks.
        listener.setTaskExecutor(new SyncTaskExecutor());
        listener.addMessageListener(this::received, new ChannelTopic(channel));
        listener.addMessageListener(this::closeReceived, new ChannelTopic(closures));
        listener.addMessageListener(this::keyCloseReceived, new ChannelTopic(keyClosures));
        listener.afterPropertiesSet();
        subscribe();
    }

    private void subscribe() {
        try {
            listener.start();
            subscribed = true;
            retries.shutdown();
        } catch (RuntimeException unreachable) {
            log.warn("Redis unreachable for live updates ({}); this instance's clients get its own updates only "
                    + "until the subscription holds, tried again in {}", unreachable.toString(), SUBSCRIBE_RETRY);
            listener.stop();
            retries.schedule(this::subscribe, SUBSCRIBE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void publish(LiveUpdate update) {
        try {
            redis.convertAndSend(channel, json.writeValueAsString(update));
            if (!subscribed) {
                clients.fanOut(update);
            }
        } catch (RuntimeException unreachable) {
            log.warn("Redis unreachable for live updates ({}); only this instance's clients get this one",
                    unreachable.toString());
            clients.fanOut(update);
        }
    }

    @Override
    public void closeStreamsOf(UUID account) {
        try {
            redis.convertAndSend(closures, account.toString());
            if (!subscribed) {
                clients.closeStreamsOf(account);
            }
        } catch (RuntimeException unreachable) {
            log.warn("Redis unreachable to end a deleted account's live streams ({}); ending this instance's "
                    + "only, the others end theirs at their next heartbeat", unreachable.toString());
            clients.closeStreamsOf(account);
        }
    }

    @Override
    public void closeStreamsOfKey(UUID apiKey) {
        try {
            redis.convertAndSend(keyClosures, apiKey.toString());
            if (!subscribed) {
                clients.closeStreamsOfKey(apiKey);
            }
        } catch (RuntimeException unreachable) {
            log.warn("Redis unreachable to end a revoked API key's live streams ({}); ending this instance's "
                    + "only, the others end theirs at their next heartbeat", unreachable.toString());
            clients.closeStreamsOfKey(apiKey);
        }
    }

    private void keyCloseReceived(Message message, byte[] pattern) {
        try {
            clients.closeStreamsOfKey(UUID.fromString(new String(message.getBody(), StandardCharsets.UTF_8)));
        } catch (RuntimeException unreadable) {
            log.warn("Ignoring an unreadable order to end live streams: {}", unreadable.toString());
        }
    }

    private void closeReceived(Message message, byte[] pattern) {
        try {
            clients.closeStreamsOf(UUID.fromString(new String(message.getBody(), StandardCharsets.UTF_8)));
        } catch (RuntimeException unreadable) {
            log.warn("Ignoring an unreadable order to end live streams: {}", unreadable.toString());
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
        retries.shutdownNow();
        listener.stop();
        listener.destroy();
    }
}
