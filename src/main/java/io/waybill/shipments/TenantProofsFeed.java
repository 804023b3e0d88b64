package io.waybill.shipments;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@link TenantProofs} from identity's {@code tenant.settings_changed} events, each handled as
 * its tenant's. Read by type and payload fields, as {@link NetworkDirectory} reads the network's: this
 * module does not depend on identity. A consumer group of its own, so a tenant's change never waits
 * behind the shipments' events.
 */
@Component
class TenantProofsFeed implements EventHandler {

    static final String TENANT_SETTINGS_CHANGED = "tenant.settings_changed";

    private final TenantProofs proofs;

    TenantProofsFeed(TenantProofs proofs) {
        this.proofs = proofs;
    }

    @Override
    public String group() {
        return "shipments-tenants";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TENANT_SETTINGS_CHANGED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode payload = event.payload();
        JsonNode named = payload.get("accepted_proofs");
        Set<ProofKind> accepted = null;
        if (named != null && !named.isNull()) {
            accepted = EnumSet.noneOf(ProofKind.class);
            for (JsonNode kind : named) {
                // A kind this version does not know is one no delivery here can offer.
                ProofKind.fromWire(kind.asString()).ifPresent(accepted::add);
            }
        }
        proofs.store(accepted == null || accepted.isEmpty() ? null : accepted,
                Instant.parse(payload.get("occurred_at").asString()));
    }
}
