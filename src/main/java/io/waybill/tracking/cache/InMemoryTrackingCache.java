package io.waybill.tracking.cache;

import io.waybill.kernel.RedisMode;
import io.waybill.tracking.TrackingCache;
import io.waybill.tracking.TrackingDocument;
import io.waybill.tracking.config.TrackingProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** The cache of a single instance without Redis: the most recently used documents, in memory. */
@Component
@Conditional(RedisMode.Off.class)
class InMemoryTrackingCache implements TrackingCache {

    private final Map<String, TrackingDocument> documents;

    InMemoryTrackingCache(TrackingProperties properties) {
        int maxEntries = properties.tracking().cacheSize();
        this.documents = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TrackingDocument> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<TrackingDocument> find(String trackingNumber) {
        return Optional.ofNullable(documents.get(trackingNumber));
    }

    @Override
    public synchronized boolean storeIfNewer(TrackingDocument document) {
        TrackingDocument current = documents.get(document.trackingNumber());
        if (current != null && current.version() >= document.version()) {
            return false;
        }
        documents.put(document.trackingNumber(), document);
        return true;
    }

    @Override
    public String name() {
        return "in-memory";
    }
}
