package io.waybill.network;

import org.springframework.modulith.NamedInterface;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A hub was added: the {@code hub.created} event, keyed by the hub. {@code timeZone} is its IANA zone. It carries the hub's whole
 * state as of {@code occurredAt} (its creation), like {@link HubUpdated}: a module keeping a copy of
 * the hubs (reporting's names) replaces its row only with a newer state.
 */
@NamedInterface("events")
public record HubCreated(UUID hubId, String hubName, String city, Instant occurredAt, String timeZone)
        implements DomainEvent {

    /** Without a zone: as events were before hubs had zones (a consumer reads null as the deployment's zone). */
    public HubCreated(UUID hubId, String hubName, String city, Instant occurredAt) {
        this(hubId, hubName, city, occurredAt, null);
    }

    public static final String TOPIC = "hub.created";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return hubId.toString();
    }
}
