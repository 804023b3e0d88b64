package io.waybill.eventing;

import java.time.Instant;

/**
 * A fact a module announces to the others: a past-tense record carrying ids and the few fields a
 * consumer needs. It names its topic and the key that keeps one aggregate's events in order.
 */
public interface DomainEvent {

    String topic();

    /**
     * What happened, as the envelope's {@code type}: the topic's name unless several kinds of event
     * share a topic (hub routing and agent assignment both travel on {@code shipment.assigned}, to
     * keep one shipment's events in order), where each kind names itself.
     */
    default String type() {
        return topic();
    }

    String key();

    Instant occurredAt();

    /** The payload's schema version, carried in the envelope. */
    default int version() {
        return 1;
    }
}
