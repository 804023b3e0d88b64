package io.waybill.tracking;

import java.util.UUID;

/**
 * Carries live updates to every instance's connected clients: through Redis pub/sub when Redis is
 * configured (a client on one instance sees a change handled on another), in-process otherwise.
 * It carries, the same way, the order to end the streams of an account that was deleted, and of an
 * API key that was revoked.
 */
public interface LiveFeed {

    void publish(LiveUpdate update);

    /** Ends, on every instance, the live streams opened by this account. */
    void closeStreamsOf(UUID account);

    /** Ends, on every instance, the live streams opened with this API key. */
    void closeStreamsOfKey(UUID apiKey);
}
