package io.waybill.tracking;

import java.util.Optional;

/**
 * Where tracking documents are cached, by tracking number. Writes never go backwards: a document
 * replaces the cached one only if it is newer (a higher sequence), so concurrent writers (the
 * event consumer, a read that repopulates after a miss) cannot undo each other.
 */
public interface TrackingCache {

    Optional<TrackingDocument> find(String trackingNumber);

    /** Stores the document unless a newer one is cached; returns whether it was stored. */
    boolean storeIfNewer(TrackingDocument document);

    String name();
}
