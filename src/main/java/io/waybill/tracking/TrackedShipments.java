package io.waybill.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tracking module's read model of shipments, in its own schema. Every write is idempotent and
 * safe in any order: an entry is stored once by its sequence, and the agent only by a fact newer
 * than the one that named the agent stored.
 */
public interface TrackedShipments {

    /** A shipment whose booking has arrived, with its unbroken history; empty otherwise. */
    Optional<TrackedShipment> find(UUID shipmentId);

    Optional<TrackedShipment> find(String trackingNumber);

    /** The shipments among these tracking numbers whose booking has arrived, by number, in one read. */
    java.util.Map<String, TrackedShipment> findAll(java.util.Collection<String> trackingNumbers);

    /** Records who a shipment belongs to (repeated by every entry's event; never changes). */
    void recordShipment(UUID shipmentId, String trackingNumber, UUID customerId);

    /** Records a history entry unless it is already there. */
    void recordEntry(UUID shipmentId, TrackedShipment.Entry entry);

    /** Records the service level and the promised delivery date of a booking (never changes). */
    void recordPromise(UUID shipmentId, String serviceLevel, LocalDate promisedDeliveryDate);

    /**
     * Records the estimated delivery date after the history entry {@code sequence}, unless an estimate
     * after a later entry is stored (null: no longer expected).
     */
    void recordEstimate(UUID shipmentId, LocalDate estimatedDelivery, int sequence);

    /** The shipments this agent has out for delivery now (the latest entry of their history says so). */
    List<TrackedShipment> outForDeliveryWith(UUID agentId);

    /**
     * Records the agent named by a fact of this version (see the schema: 2 x sequence for a status
     * change, 2 x sequence + 1 for an assignment after that entry), unless a newer fact named one.
     */
    void recordAgent(UUID shipmentId, UUID agentId, int version);

    /** Records who received a delivered shipment, by initials (the proof of delivery's event). */
    void recordReceiver(UUID shipmentId, String initials);

    /** Notes that the cached document of this shipment must be rewritten once the cache is back. */
    void noteCacheRepair(UUID shipmentId);

    /** The tenant of the shipment with this tracking number (numbers are unique on the platform). */
    Optional<UUID> tenantOfTrackingNumber(String trackingNumber);

    /** The tenants with cached documents awaiting a rewrite (the one look across tenants). */
    List<UUID> tenantsWithCacheRepairs();

    /** Shipments whose cached documents await a rewrite. */
    List<CacheRepair> cacheRepairs(int limit);

    /** Forgets a repair done, unless the cache failed again for that shipment since it was read. */
    void cacheRepaired(CacheRepair repair);

    record CacheRepair(UUID shipmentId, long generation) {
    }
}
