package io.waybill.eventing;

import io.waybill.kernel.TenantContext;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/** An event as a consumer receives it: the envelope's fields and its payload. */
public final class ReceivedEvent {

    private final UUID eventId;
    private final String topic;
    private final String type;
    private final int version;
    private final Instant occurredAt;
    private final String key;
    private final JsonNode payload;
    private final BiFunction<JsonNode, Class<?>, Object> reader;
    private final UUID tenantId;

    /** An event of the default tenant (as every event written before tenants). */
    public ReceivedEvent(UUID eventId, String topic, String type, int version, Instant occurredAt, String key,
            JsonNode payload, BiFunction<JsonNode, Class<?>, Object> reader) {
        this(eventId, topic, type, version, occurredAt, key, payload, reader, TenantContext.DEFAULT);
    }

    public ReceivedEvent(UUID eventId, String topic, String type, int version, Instant occurredAt, String key,
            JsonNode payload, BiFunction<JsonNode, Class<?>, Object> reader, UUID tenantId) {
        this.tenantId = tenantId != null ? tenantId : TenantContext.DEFAULT;
        this.eventId = Objects.requireNonNull(eventId);
        this.topic = Objects.requireNonNull(topic);
        this.type = Objects.requireNonNull(type);
        this.version = version;
        this.occurredAt = occurredAt;
        this.key = key;
        this.payload = payload;
        this.reader = reader;
    }

    /** The tenant whose change the event tells of: a consumer handles it as that tenant's work. */
    public UUID tenantId() {
        return tenantId;
    }

    public UUID eventId() {
        return eventId;
    }

    /** The topic it travelled on; several types may share one. */
    public String topic() {
        return topic;
    }

    /** What happened: consumers dispatch on this. */
    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String key() {
        return key;
    }

    public JsonNode payload() {
        return payload;
    }

    /** The payload read as the producer's event record. */
    public <T> T payloadAs(Class<T> type) {
        return type.cast(reader.apply(payload, type));
    }
}
