package io.waybill.tracking.live;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.identity.ApiKeyRevoked;
import io.waybill.tracking.LiveFeed;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Ends the live streams opened with a revoked API key at once, on every instance, rather than at the
 * next heartbeat (which ends them too, and those of an expired key). Ending streams twice is
 * harmless, so a redelivery is too.
 */
@Component
class RevokedKeyStreams implements EventHandler {

    private final LiveFeed feed;

    RevokedKeyStreams(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public String group() {
        return "live-key-revocations";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ApiKeyRevoked.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        feed.closeStreamsOfKey(event.payloadAs(ApiKeyRevoked.class).keyId());
    }
}
