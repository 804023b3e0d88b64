package io.waybill.tracking.live;

import io.waybill.identity.UserDeleted;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.tracking.LiveFeed;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Ends the live streams of a deleted account at once, on every instance, rather than at the next
 * heartbeat or when its token expires. Ending streams twice is harmless, so a redelivery is too.
 */
@Component
class DeletedAccountStreams implements EventHandler {

    private final LiveFeed feed;

    DeletedAccountStreams(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public String group() {
        return "live-account-closures";
    }

    @Override
    public Set<String> topics() {
        return Set.of(UserDeleted.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        feed.closeStreamsOf(event.payloadAs(UserDeleted.class).userId());
    }
}
