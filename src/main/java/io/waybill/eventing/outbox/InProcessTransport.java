package io.waybill.eventing.outbox;

import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Without Kafka, the outbox table is the log: relaying a batch only stamps positions, and the
 * in-process consumers read the rows by position, each group from its own offset.
 */
@Component
@Conditional(KafkaMode.Off.class)
class InProcessTransport implements EventTransport {

    @Override
    public void publish(List<OutboxRecord> batch) {
        // The rows are the messages: the relay's position stamp is their publication.
    }

    @Override
    public String name() {
        return "the in-process outbox log";
    }
}
