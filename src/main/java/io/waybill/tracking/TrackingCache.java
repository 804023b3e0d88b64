package io.waybill.tracking;

import java.util.Optional;

/**
 * Where public pages are cached, rendered, by tracking number. Writes never go backwards: a page
 * replaces the cached one only if it is newer (a higher version), so concurrent writers (the event
 * consumer, a read that repopulates after a miss) cannot undo each other.
 */
public interface TrackingCache {

    Optional<TrackingPage> find(String trackingNumber);

    /** Stores the page unless a newer one is cached; returns whether it was stored. */
    boolean storeIfNewer(TrackingPage page);

    String name();
}
