package io.waybill.tracking;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The tracking module's copy of each tenant's carrier name, kept from identity's
 * {@code tenant.settings_changed} events (in a split deployment the tracking service has no identity
 * tables). Each row is its tenant's: reads and writes run as that tenant.
 */
public interface Carriers {

    /** The tenant's carrier, if this copy knows it (the work must run as that tenant). */
    Optional<Carrier> find(UUID tenantId);

    /** Stores the current tenant's carrier name as of {@code asOf}, unless a newer one is stored. */
    void store(String displayName, Instant asOf);
}
