package io.waybill.linehaul;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A bag was sealed: the {@code bag.sealed} event, keyed by the bag, with how many shipments it holds. */
@NamedInterface("events")
public record BagSealed(UUID bagId, String bagCode, UUID originHubId, UUID destinationHubId, int shipmentCount,
        Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "bag.sealed";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return bagId.toString();
    }
}
