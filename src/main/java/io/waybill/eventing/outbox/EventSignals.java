package io.waybill.eventing.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** The wake-ups of the backbone: new rows for the relay, newly positioned rows for every consumer. */
@Component
class EventSignals {

    private final Signal relay = new Signal();
    private final List<Signal> consumers = new CopyOnWriteArrayList<>();

    Signal relay() {
        return relay;
    }

    Signal newConsumer() {
        Signal signal = new Signal();
        consumers.add(signal);
        return signal;
    }

    void raiseConsumers() {
        consumers.forEach(Signal::raise);
    }
}
