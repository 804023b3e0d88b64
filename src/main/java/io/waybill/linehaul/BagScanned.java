package io.waybill.linehaul;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A bag was scanned: the {@code bag.scanned} event, keyed by the bag. {@code event} is
 * {@code dispatched}, {@code arrived} or {@code opened}; each shipment inside got its own entry
 * ({@code shipment.status.updated}) in the same transaction. {@code originHubId} and
 * {@code destinationHubId} are the bag's lane; {@code dueAt} is when it is due at its destination
 * hub: the scheduled arrival of the flight it was loaded on, null when it flew on none. The three are
 * absent from events written before them.
 */
@NamedInterface("events")
public record BagScanned(UUID bagId, String bagCode, String event, UUID hubId, String location, int shipmentCount,
        UUID scannedBy, Instant occurredAt, UUID originHubId, UUID destinationHubId, Instant dueAt)
        implements DomainEvent {

    public static final String TOPIC = "bag.scanned";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return bagId.toString();
    }
}
