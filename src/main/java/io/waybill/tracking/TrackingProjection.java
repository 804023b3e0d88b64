package io.waybill.tracking;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.TenantContext;
import io.waybill.shipments.AgentAssigned;
import io.waybill.shipments.ProofOfDeliveryRecorded;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentStatusChanged;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the tracking read model from the shipments' events, then the cache from the read model.
 * Every write is idempotent and safe in any order (the booking, the status changes and the
 * assignments travel on different topics): see {@link TrackedShipments}. The read model commits
 * with the event's receipt; the cache is written in passing, and when it cannot be reached the
 * shipment is noted for repair and its page rewritten from the read model once the cache is
 * back, so an outage of the cache never holds up the read model nor leaves a stale page behind.
 */
@Component
class TrackingProjection implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(TrackingProjection.class);
    private static final int REPAIR_BATCH = 100;

    private final TrackedShipments shipments;
    private final TrackingCache cache;
    private final TrackingPageRenderer pages;
    private final TrackingService lookups;

    TrackingProjection(TrackedShipments shipments, TrackingCache cache, TrackingPageRenderer pages, TrackingService lookups) {
        this.shipments = shipments;
        this.cache = cache;
        this.pages = pages;
        this.lookups = lookups;
    }

    @Override
    public String group() {
        return "tracking";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ShipmentBooked.TOPIC, ShipmentStatusChanged.TOPIC, AgentAssigned.TOPIC,
                ProofOfDeliveryRecorded.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        UUID shipmentId;
        switch (event.type()) {
            case ShipmentBooked.TOPIC -> {
                ShipmentBooked booked = event.payloadAs(ShipmentBooked.class);
                shipmentId = booked.shipmentId();
                shipments.recordShipment(shipmentId, booked.trackingNumber(), booked.customerId());
                shipments.recordEntry(shipmentId, new TrackedShipment.Entry(0, "created", null, booked.occurredAt(),
                        booked.timeZone()));
                if (booked.serviceLevel() != null) {
                    shipments.recordPromise(shipmentId, booked.serviceLevel(), booked.promisedDeliveryDate());
                    shipments.recordEstimate(shipmentId, booked.promisedDeliveryDate(), 0);
                }
            }
            case ShipmentStatusChanged.TOPIC -> {
                ShipmentStatusChanged change = event.payloadAs(ShipmentStatusChanged.class);
                shipmentId = change.shipmentId();
                shipments.recordShipment(shipmentId, change.trackingNumber(), change.customerId());
                shipments.recordEntry(shipmentId, new TrackedShipment.Entry(change.sequence(), change.status(),
                        change.location(), change.occurredAt(), change.timeZone()));
                // Events written before estimates carry none; a null one that is there means "no longer expected".
                if (event.payload().has("estimated_delivery")) {
                    shipments.recordEstimate(shipmentId, change.estimatedDelivery(), change.sequence());
                }
                shipments.recordAgent(shipmentId, change.agentId(), 2 * change.sequence());
            }
            // Envelopes written before the types were split say shipment.assigned for both assignments.
            case AgentAssigned.TYPE, AgentAssigned.TOPIC -> {
                if (!event.payload().has("agent_id")) {
                    return;
                }
                AgentAssigned assigned = event.payloadAs(AgentAssigned.class);
                shipmentId = assigned.shipmentId();
                // Without its place in the history (written before it was carried) it is older than
                // anything recorded since: the read model was started from the shipments then.
                int version = assigned.afterSequence() == null ? -1 : 2 * assigned.afterSequence() + 1;
                shipments.recordAgent(shipmentId, assigned.agentId(), version);
            }
            case ProofOfDeliveryRecorded.TOPIC -> {
                ProofOfDeliveryRecorded proof = event.payloadAs(ProofOfDeliveryRecorded.class);
                shipmentId = proof.shipmentId();
                // Initials only: the public page's "Delivered, received by R. K.".
                shipments.recordReceiver(shipmentId, proof.receivedByInitials());
            }
            default -> {
                // The network's hub assignments: the public page does not show the hub.
                return;
            }
        }
        refreshCache(event.tenantId(), shipmentId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    lookups.arrived();
                }
            });
        } else {
            lookups.arrived();
        }
    }

    private void refreshCache(UUID tenantId, UUID shipmentId) {
        shipments.find(shipmentId).ifPresent(shipment -> {
            try {
                cache.storeIfNewer(pages.render(tenantId, shipment.toDocument()));
            } catch (RuntimeException unreachable) {
                log.debug("Tracking cache ({}) unavailable; {} noted for repair: {}", cache.name(), shipmentId,
                        unreachable.toString());
                shipments.noteCacheRepair(shipmentId);
            }
        });
    }

    /** Rewrites, from the read model, the cached pages that could not be written; stops while the cache is away. */
    @Scheduled(fixedDelayString = "${waybill.tracking.cache-repair-interval:PT2S}", initialDelayString = "PT2S")
    void repairCache() {
        try {
            for (UUID tenant : shipments.tenantsWithCacheRepairs()) {
                TenantContext.runAs(tenant, () -> repairTenantsCache(tenant));
            }
        } catch (RuntimeException unreachable) {
            log.debug("Tracking cache ({}) still unavailable: {}", cache.name(), unreachable.toString());
        }
    }

    private void repairTenantsCache(UUID tenant) {
        List<TrackedShipments.CacheRepair> repairs = shipments.cacheRepairs(REPAIR_BATCH);
        for (TrackedShipments.CacheRepair repair : repairs) {
            shipments.find(repair.shipmentId()).ifPresent(shipment -> cache.storeIfNewer(pages.render(tenant,
                    shipment.toDocument())));
            shipments.cacheRepaired(repair);
        }
    }
}
