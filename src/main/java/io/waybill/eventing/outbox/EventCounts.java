package io.waybill.eventing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Counts the domain events that were committed, by type; the outbox sees every one, so the
 * business figures need no counting code in the modules. From the shipments' events it also
 * derives bookings, status changes by their new status, and deliveries. The topic and field names
 * are the events' published contract (docs/API.md), read from the envelope, so the eventing module does
 * not depend on the shipments module.
 */
@Component
class EventCounts {

    static final String BOOKED = "shipment.created";
    static final String STATUS_UPDATED = "shipment.status.updated";
    static final String DELIVERED = "shipment.delivered";

    private final MeterRegistry registry;
    private final Counter booked;
    private final Counter delivered;

    EventCounts(MeterRegistry registry) {
        this.registry = registry;
        this.booked = Counter.builder("waybill.shipments.booked").description("Shipments booked").register(registry);
        this.delivered = Counter.builder("waybill.shipments.delivered").description("Shipments delivered")
                .register(registry);
        for (String type : new String[] {BOOKED, STATUS_UPDATED, DELIVERED}) {
            events(type);
        }
    }

    void count(JsonNode envelope) {
        String type = text(envelope.path("type"));
        events(type).increment();
        switch (type) {
            case BOOKED -> booked.increment();
            case DELIVERED -> delivered.increment();
            case STATUS_UPDATED -> {
                JsonNode payload = envelope.path("payload");
                String status = text(payload.path("status"));
                // A scan repeats the status at a new place: not a change.
                if (!status.isEmpty() && !status.equals(text(payload.path("previous_status")))) {
                    Counter.builder("waybill.shipments.status.changes").description("Shipment status changes, by new status")
                            .tag("status", status).register(registry).increment();
                }
            }
            default -> {
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asString();
    }

    private Counter events(String type) {
        return Counter.builder("waybill.events").description("Domain events committed, by type").tag("type", type)
                .register(registry);
    }
}
