package io.waybill.shipments;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The proofs of delivery each tenant accepts, the module's own copy of identity's
 * {@code tenant.settings_changed} events. Each row is its tenant's: reads and writes run as that
 * tenant. A tenant without a choice of its own follows the deployment's {@link DeliveryPolicy}.
 */
public interface TenantProofs {

    /** The proofs the current tenant accepts; empty when it has not chosen (the deployment's apply). */
    Optional<Set<ProofKind>> accepted();

    /** Stores the current tenant's choice (null: none) as of {@code asOf}, unless a newer one is stored. */
    void store(Set<ProofKind> accepted, Instant asOf);
}
