package io.waybill.tracking.cache;

import io.waybill.kernel.RedisMode;
import io.waybill.tracking.TrackingCache;
import io.waybill.tracking.TrackingPage;
import io.waybill.tracking.config.TrackingProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** The cache of a single instance without Redis: the most recently used pages, rendered, in memory. */
@Component
@Conditional(RedisMode.Off.class)
class InMemoryTrackingCache implements TrackingCache {

    private final Map<String, TrackingPage> pages;

    InMemoryTrackingCache(TrackingProperties properties) {
        int maxEntries = properties.tracking().cacheSize();
        this.pages = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TrackingPage> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<TrackingPage> find(String trackingNumber) {
        return Optional.ofNullable(pages.get(trackingNumber));
    }

    @Override
    public synchronized boolean storeIfNewer(TrackingPage page) {
        TrackingPage current = pages.get(page.trackingNumber());
        if (current != null && current.version() >= page.version()) {
            return false;
        }
        pages.put(page.trackingNumber(), page);
        return true;
    }

    @Override
    public String name() {
        return "in-memory";
    }
}
