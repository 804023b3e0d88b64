package io.waybill.network;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A hub changed: the {@code hub.updated} event, keyed by the hub. It carries the hub's whole
 * state as of {@code occurredAt}, not a difference, so a module keeping a copy of the hubs
 * (reporting's names) replaces its row only with a newer one and a replayed or late event changes
 * nothing.
 */
@NamedInterface("events")
public record HubUpdated(UUID hubId, String hubName, String city, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "hub.updated";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return hubId.toString();
    }
}
