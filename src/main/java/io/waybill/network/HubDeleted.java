package io.waybill.network;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A hub was removed: the {@code hub.deleted} event, keyed by the hub. A copy of the hubs keeps a
 * tombstone, so that a {@link HubUpdated} arriving late does not bring the hub back.
 */
@NamedInterface("events")
public record HubDeleted(UUID hubId, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "hub.deleted";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return hubId.toString();
    }
}
