package io.waybill.shipments;

import java.util.EnumSet;
import java.util.Set;

/**
 * A deployment's delivery rules: which proofs a delivery may rest on, and after how many failed
 * attempts a shipment goes back to its sender by itself, and how large a signature or photo may be.
 * A tenant may choose its own proofs ({@link #acceptingOnly}); the rest is the deployment's.
 */
public record DeliveryPolicy(Set<ProofKind> acceptedProofs, int maxFailedAttempts, long maxImageBytes) {

    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(EnumSet.allOf(ProofKind.class), 3,
            5L * 1024 * 1024);

    public DeliveryPolicy {
        if (acceptedProofs == null || acceptedProofs.isEmpty()) {
            throw new IllegalArgumentException("At least one proof of delivery must be accepted");
        }
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("At least one delivery attempt must be allowed");
        }
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("Proof images must be allowed some bytes");
        }
        acceptedProofs = Set.copyOf(acceptedProofs);
    }

    /** These rules with a tenant's own choice of proofs, when it made one (null: the deployment's). */
    public DeliveryPolicy acceptingOnly(Set<ProofKind> proofs) {
        return proofs == null ? this : new DeliveryPolicy(proofs, maxFailedAttempts, maxImageBytes);
    }

    public boolean accepts(ProofKind kind) {
        return acceptedProofs.contains(kind);
    }
}
