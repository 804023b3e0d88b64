package io.waybill.tracking.live;

import io.waybill.identity.UserDeleted;
import io.waybill.identity.UserDisabled;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.tracking.LiveFeed;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Ends the live streams of a deleted or disabled account at once, on every instance, rather than at the next
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
        return Set.of(UserDeleted.TOPIC, UserDisabled.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        // Both events name the account the same way.
        feed.closeStreamsOf(UUID.fromString(event.payload().get("user_id").asString()));
    }
}
