package io.waybill.tracking;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.identity.TenantSettingsChanged;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Carriers} from identity's {@code tenant.settings_changed} events, each handled as its
 * tenant's, so a carrier's name can only be stored as its own tenant's. A consumer group of its own:
 * a rename never waits behind, nor holds up, the shipments' events.
 */
@Component
class CarrierFeed implements EventHandler {

    private final Carriers carriers;
    private final CarrierNames names;

    CarrierFeed(Carriers carriers, CarrierNames names) {
        this.carriers = carriers;
        this.names = names;
    }

    @Override
    public String group() {
        return "tracking-carriers";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TenantSettingsChanged.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        TenantSettingsChanged changed = event.payloadAs(TenantSettingsChanged.class);
        carriers.store(changed.displayName(), changed.occurredAt());
        names.forget(event.tenantId());
    }
}
