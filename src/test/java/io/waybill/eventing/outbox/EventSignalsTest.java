package io.waybill.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A relayed batch wakes only the consumer groups of its topics: waking the others costs each a transaction. */
class EventSignalsTest {

    private final EventSignals signals = new EventSignals();
    private final Signal reporting = signals.newConsumer(Set.of("shipment.created", "shipment.assigned"));
    private final Signal routing = signals.newConsumer(Set.of("shipment.assigned"));
    private final Signal accountClosures = signals.newConsumer(Set.of("user.deleted"));

    @Test
    void shouldWakeOnlyTheGroupsOfTheBatchsTopics() throws InterruptedException {
        signals.raiseConsumers(List.of("shipment.created"));

        assertThat(reporting.await(Duration.ZERO)).isTrue();
        assertThat(routing.await(Duration.ZERO)).isFalse();
        assertThat(accountClosures.await(Duration.ZERO)).isFalse();
    }

    @Test
    void shouldWakeEveryGroupForRowsOfUnknownTopics() throws InterruptedException {
        signals.raiseAllConsumers();

        assertThat(reporting.await(Duration.ZERO)).isTrue();
        assertThat(routing.await(Duration.ZERO)).isTrue();
        assertThat(accountClosures.await(Duration.ZERO)).isTrue();
    }
}
