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
public record HubUpdated(UUID hubId, String hubName, String city, Instant occurredAt, String timeZone)
        implements DomainEvent {

    /** Without a zone: as events were before hubs had zones (a consumer reads null as the deployment's zone). */
    public HubUpdated(UUID hubId, String hubName, String city, Instant occurredAt) {
        this(hubId, hubName, city, occurredAt, null);
    }

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
