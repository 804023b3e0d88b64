package io.waybill.eventing.outbox;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.EventPublisher;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.node.ObjectNode;

/** Appends events to the outbox table in the caller's transaction, and nudges the relay (and counts them) after commit. */
@Component
class JdbcOutbox implements EventPublisher {

    private final JdbcClient jdbc;
    private final EventEnvelopes envelopes;
    private final EventSignals signals;
    private final EventCounts counts;

    JdbcOutbox(JdbcClient jdbc, EventEnvelopes envelopes, EventSignals signals, EventCounts counts) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.signals = signals;
        this.counts = counts;
    }

    @Override
    public void publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are written with the change they describe: publish "
                    + event.topic() + " inside a transaction");
        }
        UUID eventId = UUID.randomUUID();
        ObjectNode envelope = envelopes.envelope(eventId, event);
        jdbc.sql("""
                insert into eventing.outbox (event_id, topic, event_key, envelope, occurred_at)
                values (?, ?, ?, ?::jsonb, ?)""")
                .params(eventId, event.topic(), event.key(), envelopes.write(envelope),
                        Timestamp.from(event.occurredAt()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signals.relay().raise();
                // Counted once it happened: a rolled-back booking is no booking.
                counts.count(envelope);
            }
        });
    }
}
