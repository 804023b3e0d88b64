package io.waybill.eventing.outbox;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.BackgroundWork;
import io.waybill.kernel.TenantContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each consumer group on its own thread over the positioned outbox rows: a batch of events and
 * the group's new offset commit together. A failing event is retried with backoff and holds up
 * only its own group, so one slow consumer never stops the others; each failed attempt is counted
 * against the event that threw, and after {@code waybill.events.park-after} of them it is parked as
 * a {@link DeadLetters dead letter} and the group goes on past it.
 */
@Component
@Conditional(KafkaMode.Off.class)
class InProcessConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InProcessConsumers.class);
    private static final int BATCH = 200;
    /**
     * How long a group waits for a signal before it looks anyway. The relay wakes the groups of the
     * topics it positions (and every group when another instance's relay moved the high-water mark),
     * so the poll is only a safety net; it also moves a group past the events of topics it ignores.
     */
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);

    private final List<EventHandler> handlers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventDelivery delivery;
    private final EventEnvelopes envelopes;
    private final EventSignals signals;
    private final DeadLetters deadLetters;
    private final Duration gather;
    private final List<Thread> workers = new ArrayList<>();

    InProcessConsumers(List<EventHandler> handlers, JdbcClient jdbc, TransactionTemplate transaction,
            EventDelivery delivery, EventEnvelopes envelopes, EventSignals signals, DeadLetters deadLetters,
            EventsProperties properties) {
        this.gather = properties.gather();
        this.handlers = handlers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.delivery = delivery;
        this.envelopes = envelopes;
        this.signals = signals;
        this.deadLetters = deadLetters;
    }

    /**
     * Consumes one batch for a group; returns how many events it read. When an event fails, the
     * batch rolls back, the failure is counted against that event (which may park it), and the
     * failure is thrown on for the caller's backoff.
     */
    int consumeOnce(EventHandler handler) {
        OutboxRecord[] current = new OutboxRecord[1];
        try {
            return consumeBatch(handler, current);
        } catch (RuntimeException failure) {
            OutboxRecord failed = current[0];
            if (failed != null) {
                try {
                    // Counted, and parked, as the event's tenant's: its admins see their dead letters only.
                    if (TenantContext.callAs(envelopes.tenantOf(failed.envelope()), () -> deadLetters.failed(
                            handler.group(), deadLetters.eventIdOf(failed), failed.topic(), failed.key(),
                            failed.envelope(), failure))) {
                        return 0;
                    }
                } catch (RuntimeException countFailed) {
                    log.warn("Consumer {} could not count its failed attempt: {}", handler.group(), countFailed.toString());
                }
            }
            throw failure;
        }
    }

    /**
     * One transaction: the group's offset is the default tenant's row, the platform's (V192), and
     * each event is handled as its own tenant's work, the transaction's connection set to that tenant
     * for as long (a transaction-local setting, which the commit or rollback ends).
     */
    private int consumeBatch(EventHandler handler, OutboxRecord[] current) {
        // Everything up to the relay's committed high-water mark has its final position; reading only
        // up to it lets the group move past events of topics it ignores, instead of scanning them
        // again on every poll. Both are looked at in one statement before any transaction: a group
        // with nothing new, as most groups are at most wake-ups, costs one round trip and no write.
        Positions positions = TenantContext.callAs(TenantContext.DEFAULT, () -> jdbc.sql("""
                select r.last_position, o.position from eventing.relay_state r
                left join eventing.consumer_offsets o on o.consumer_group = ?""")
                .param(handler.group())
                .query((rs, n) -> new Positions(rs.getLong(1), rs.getObject(2, Long.class)))
                .single());
        if (positions.seen() != null && positions.high() <= positions.seen()) {
            return 0;
        }
        // A high-water mark read before the transaction is still a safe bound: it only rises.
        long high = positions.high();
        Integer read = TenantContext.callAs(TenantContext.DEFAULT, () -> transaction.execute(status -> {
            if (positions.seen() == null) {
                jdbc.sql("insert into eventing.consumer_offsets (consumer_group, position) values (?, 0) on conflict do nothing")
                        .param(handler.group()).update();
            }
            long offset = jdbc.sql("select position from eventing.consumer_offsets where consumer_group = ? for update")
                    .param(handler.group()).query(Long.class).single();
            if (high <= offset) {
                return 0;
            }
            List<OutboxRecord> records = jdbc.sql("select * from eventing.positioned_events(?, ?, ?, ?)")
                    .params(offset, high, handler.topics().toArray(String[]::new), BATCH)
                    .query((rs, n) -> new OutboxRecord(rs.getLong("id"), rs.getLong("position"),
                            rs.getString("topic"), rs.getString("event_key"), rs.getString("envelope")))
                    .list();
            // Each envelope is read as the current record, so that one that cannot be read is counted against it.
            List<ReceivedEvent> events = new ArrayList<>(records.size());
            for (OutboxRecord record : records) {
                current[0] = record;
                events.add(envelopes.read(record.topic(), record.key(), record.envelope()));
            }
            // Runs of one tenant's events: the connection's tenant is switched only where the next run's
            // differs, and the group's receipts of a run take one statement.
            UUID acting = TenantContext.DEFAULT;
            int from = 0;
            while (from < events.size()) {
                UUID tenant = events.get(from).tenantId();
                int to = from + 1;
                while (to < events.size() && events.get(to).tenantId().equals(tenant)) {
                    to++;
                }
                if (!tenant.equals(acting)) {
                    actAs(tenant);
                    acting = tenant;
                }
                List<ReceivedEvent> run = events.subList(from, to);
                Set<UUID> fresh = TenantContext.callAs(tenant, () -> delivery.receive(handler, run));
                for (int i = from; i < to; i++) {
                    ReceivedEvent event = events.get(i);
                    current[0] = records.get(i);
                    if (fresh.contains(event.eventId())) {
                        TenantContext.runAs(tenant, () -> delivery.handle(handler, event));
                    }
                }
                from = to;
            }
            current[0] = null;
            if (!acting.equals(TenantContext.DEFAULT)) {
                actAs(TenantContext.DEFAULT);
            }
            long reached = records.size() == BATCH ? records.get(records.size() - 1).position() : high;
            jdbc.sql("update eventing.consumer_offsets set position = ? where consumer_group = ?")
                    .params(reached, handler.group()).update();
            return records.size();
        }));
        return read == null ? 0 : read;
    }

    /** The relay's high-water mark and the group's offset (null before its first batch), read together. */
    private record Positions(long high, Long seen) {
    }

    /** Sets the transaction's connection to this tenant until the transaction ends. */
    private void actAs(UUID tenant) {
        jdbc.sql("select set_config('app.tenant_id', ?, true)").param(tenant.toString()).query(String.class).single();
    }

    private void run(EventHandler handler, Signal wakeUp) {
        BackgroundWork.markThread();
        Duration backoff = Duration.ZERO;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                int read = consumeOnce(handler);
                if (read == 0) {
                    wakeUp.await(IDLE_POLL);
                } else if (read < BATCH) {
                    // More are likely on their way: let them gather into the next batch's transaction.
                    wakeUp.gather(gather);
                }
                backoff = Duration.ZERO;
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                backoff = backoff.isZero() ? Duration.ofMillis(200)
                        : Duration.ofMillis(Math.min(backoff.toMillis() * 2, 5_000));
                log.warn("Consumer {} failed ({}); retrying in {} ms", handler.group(), failure.toString(),
                        backoff.toMillis());
            }
        }
    }

    @Override
    public void start() {
        for (EventHandler handler : handlers) {
            Signal wakeUp = signals.newConsumer(handler.topics());
            Thread thread = new Thread(() -> run(handler, wakeUp), "consumer-" + handler.group());
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return !workers.isEmpty();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
