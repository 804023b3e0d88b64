package io.waybill.eventing.outbox;

import java.util.List;

/** Carries relayed events to their consumers: Kafka, or the outbox table itself when in-process. */
interface EventTransport {

    /** Hands over a batch in order; returns only once the transport holds every event of it. */
    void publish(List<OutboxRecord> batch);

    String name();
}
