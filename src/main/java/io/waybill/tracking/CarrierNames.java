package io.waybill.tracking;

import io.waybill.kernel.TenantContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The carriers' names as public tracking shows them, remembered in this process for a few seconds:
 * a cached page is answered without touching the database, and there are few tenants. The instance
 * that handles a rename forgets the old name at once; the others show the new one within
 * {@link #FRESH}.
 */
@Component
public class CarrierNames {

    static final Duration FRESH = Duration.ofSeconds(5);

    private final Carriers carriers;
    private final ConcurrentHashMap<UUID, Known> known = new ConcurrentHashMap<>();

    CarrierNames(Carriers carriers) {
        this.carriers = carriers;
    }

    /** The carrier of this tenant; empty when the copy does not know it yet. */
    public Optional<Carrier> of(UUID tenantId) {
        long now = System.nanoTime();
        Known remembered = known.get(tenantId);
        if (remembered != null && now - remembered.readAt() < FRESH.toNanos()) {
            return remembered.carrier();
        }
        Optional<Carrier> carrier = TenantContext.callAs(tenantId, () -> carriers.find(tenantId));
        known.put(tenantId, new Known(carrier, now));
        return carrier;
    }

    void forget(UUID tenantId) {
        known.remove(tenantId);
    }

    private record Known(Optional<Carrier> carrier, long readAt) {
    }
}
