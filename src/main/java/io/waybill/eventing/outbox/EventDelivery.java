package io.waybill.eventing.outbox;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands an event to a consumer once: the consumer group's receipt of the event is recorded in the
 * same transaction as the consumer's own changes, and an event already received is skipped.
 * The one path both transports go through.
 */
@Component
class EventDelivery {

    private final JdbcClient jdbc;
    private volatile BiConsumer<String, UUID> onHandled = (group, eventId) -> {
    };

    EventDelivery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction; returns false for an event this group has already handled. */
    boolean deliver(EventHandler handler, ReceivedEvent event) {
        int first = jdbc.sql("""
                insert into eventing.processed_events (consumer_group, event_id) values (?, ?)
                on conflict do nothing""")
                .params(handler.group(), event.eventId())
                .update();
        if (first == 0) {
            return false;
        }
        handle(handler, event);
        return true;
    }

    /**
     * The group's receipts of several events of one tenant, in one statement (a consumer's batch
     * would otherwise cost a round trip per event): returns the ids it had not received before, the
     * ones to {@link #handle}. Must run inside the handling transaction, as the events' tenant.
     */
    Set<UUID> receive(EventHandler handler, List<ReceivedEvent> events) {
        String[] ids = events.stream().map(event -> event.eventId().toString()).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("""
                insert into eventing.processed_events (consumer_group, event_id)
                select ?, unnest(?::uuid[])
                on conflict do nothing
                returning event_id""")
                .params(handler.group(), ids)
                .query(UUID.class)
                .list());
    }

    /** Hands the group an event whose receipt this transaction has just recorded ({@link #receive}). */
    void handle(EventHandler handler, ReceivedEvent event) {
        handler.handle(event);
        onHandled.accept(handler.group(), event.eventId());
    }

    /** What to do, in the handling transaction, once a group has handled an event (clear its failures). */
    void clearFailuresWith(BiConsumer<String, UUID> action) {
        this.onHandled = action;
    }
}
