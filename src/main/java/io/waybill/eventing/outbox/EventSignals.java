package io.waybill.eventing.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The wake-ups of the backbone: new rows for the relay, newly positioned rows for the consumers
 * of their topics. A group whose topics a batch does not carry is left asleep: waking it would
 * cost a database transaction that finds nothing to do.
 */
@Component
class EventSignals {

    private record Consumer(Set<String> topics, Signal signal) {
    }

    private final Signal relay = new Signal();
    private final List<Consumer> consumers = new CopyOnWriteArrayList<>();

    Signal relay() {
        return relay;
    }

    Signal newConsumer(Set<String> topics) {
        Signal signal = new Signal();
        consumers.add(new Consumer(Set.copyOf(topics), signal));
        return signal;
    }

    /** Wakes the groups that consume any of these topics. */
    void raiseConsumers(Collection<String> topics) {
        for (Consumer consumer : consumers) {
            if (topics.stream().anyMatch(consumer.topics()::contains)) {
                consumer.signal().raise();
            }
        }
    }

    /** Wakes every group: for rows positioned by another instance's relay, whose topics are not known here. */
    void raiseAllConsumers() {
        consumers.forEach(consumer -> consumer.signal().raise());
    }
}
