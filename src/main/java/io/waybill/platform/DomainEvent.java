package io.waybill.platform;

import java.time.Instant;

/**
 * A fact a module announces to the others: a past-tense record carrying ids and the few fields a
 * consumer needs. It names its topic and the key that keeps one aggregate's events in order.
 */
public interface DomainEvent {

    String topic();

    String key();

    Instant occurredAt();

    /** The payload's schema version, carried in the envelope. */
    default int version() {
        return 1;
    }
}
