package io.waybill.tracking;

import io.waybill.kernel.NotFoundException;
import io.waybill.shipments.PublicTracking;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.TrackingNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The public lookup by tracking number: from the cache when it has the shipment, otherwise from
 * PostgreSQL through the shipments module, putting what it read back into the cache. A cache that
 * cannot be reached is passed by, never shown to the client.
 */
@Service
public class TrackingService {

    private static final Logger log = LoggerFactory.getLogger(TrackingService.class);

    private final TrackingCache cache;
    private final ShipmentService shipments;

    TrackingService(TrackingCache cache, ShipmentService shipments) {
        this.cache = cache;
        this.shipments = shipments;
    }

    public PublicTracking track(String trackingNumber) {
        TrackingNumber number = TrackingNumber.parse(trackingNumber)
                .orElseThrow(() -> new NotFoundException("No shipment with this tracking number."));
        try {
            var cached = cache.find(number.value());
            if (cached.isPresent()) {
                return cached.get().toPublic();
            }
        } catch (RuntimeException unreachable) {
            log.debug("Tracking cache ({}) unavailable, reading PostgreSQL: {}", cache.name(), unreachable.toString());
            return shipments.publicTracking(number.value());
        }
        PublicTracking tracking = shipments.publicTracking(number.value());
        try {
            cache.storeIfNewer(TrackingDocument.of(tracking));
        } catch (RuntimeException unreachable) {
            log.debug("Could not repopulate the tracking cache ({}): {}", cache.name(), unreachable.toString());
        }
        return tracking;
    }
}
