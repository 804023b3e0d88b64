package io.waybill.tracking.live;

import io.waybill.kernel.RedisMode;
import io.waybill.tracking.LiveFeed;
import io.waybill.tracking.LiveUpdate;
import io.waybill.tracking.LiveUpdates;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Without Redis: the clients of this instance are all there is. */
@Component
@Conditional(RedisMode.Off.class)
class InProcessLiveFeed implements LiveFeed {

    private final LiveUpdates clients;

    InProcessLiveFeed(LiveUpdates clients) {
        this.clients = clients;
    }

    @Override
    public void publish(LiveUpdate update) {
        clients.fanOut(update);
    }

    @Override
    public void closeStreamsOf(UUID account) {
        clients.closeStreamsOf(account);
    }

    @Override
    public void closeStreamsOfKey(UUID apiKey) {
        clients.closeStreamsOfKey(apiKey);
    }
}
