package io.waybill.tracking;

import io.waybill.kernel.TenantContext;
import io.waybill.kernel.TenantSnapshots;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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

    private final TenantSnapshots<Optional<Carrier>> known;

    CarrierNames(Carriers carriers) {
        this.known = new TenantSnapshots<>(FRESH,
                () -> carriers.find(TenantContext.current().orElseThrow()));
    }

    /** The carrier of this tenant; empty when the copy does not know it yet. */
    public Optional<Carrier> of(UUID tenantId) {
        return TenantContext.callAs(tenantId, known::current);
    }

    /** Called by the work that stores a rename: read again now and once more after its transaction ends. */
    void forget(UUID tenantId) {
        known.invalidate(tenantId);
    }
}
