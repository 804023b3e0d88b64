package io.waybill.tracking;

/**
 * Carries live updates to every instance's connected clients: through Redis pub/sub when Redis is
 * configured (a client on one instance sees a change handled on another), in-process otherwise.
 */
public interface LiveFeed {

    void publish(LiveUpdate update);
}
