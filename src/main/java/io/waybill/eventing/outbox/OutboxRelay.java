package io.waybill.eventing.outbox;

import io.waybill.kernel.BackgroundWork;
import io.waybill.kernel.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows through the transport, oldest first, and stamps each with the
 * next position. One relay at a time holds a PostgreSQL advisory lock, so positions follow commit
 * order even with several instances. A row is marked only after the transport has it: a crash in
 * between publishes it again (at least once), and consumers skip what they have seen.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK = 0x57415942494C4CL; // "WAYBILL"

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventTransport transport;
    private final EventSignals signals;
    private final Clock clock;
    private final boolean enabled;
    private final int batchSize;
    private final Duration idlePoll;
    private final Duration gather;
    private volatile Thread worker;
    /** The highest position this instance has seen the relay state at: a rise it did not make wakes every group. */
    private final AtomicLong knownHigh = new AtomicLong(-1);

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, EventTransport transport,
            EventSignals signals, Clock clock, EventsProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.transport = transport;
        this.signals = signals;
        this.clock = clock;
        this.enabled = properties.relay().enabled();
        this.batchSize = properties.relay().batchSize();
        this.idlePoll = properties.relay().idlePoll();
        this.gather = properties.gather();
    }

    /**
     * Relays one batch of every tenant's events; returns how many it published (0 when idle or another
     * relay holds the lock). The relay's own row is the default tenant's, the platform's
     * (V192); the events are read and stamped across tenants through the eventing schema's functions.
     */
    int relayOnce() {
        Batch done = TenantContext.callAs(TenantContext.DEFAULT, () -> transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK)
                    .query(Boolean.class).single())) {
                return Batch.none(highWaterMark());
            }
            List<OutboxRecord> records = jdbc.sql("select * from eventing.unpublished_events(?)")
                    .param(batchSize)
                    .query((rs, n) -> new OutboxRecord(rs.getLong("id"), 0, rs.getString("topic"),
                            rs.getString("event_key"), rs.getString("envelope")))
                    .list();
            long first = highWaterMark() + 1;
            if (records.isEmpty()) {
                return Batch.none(first - 1);
            }
            transport.publish(records);
            Set<String> topics = new HashSet<>();
            Long[] ids = new Long[records.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = records.get(i).id();
                topics.add(records.get(i).topic());
            }
            jdbc.sql("select eventing.mark_published(?, ?, ?)")
                    .params(ids, Timestamp.from(clock.instant()), first).query(Integer.class).single();
            long last = first + records.size() - 1;
            jdbc.sql("update eventing.relay_state set last_position = ?").param(last).update();
            return new Batch(records.size(), topics, last);
        }));
        if (done == null) {
            return 0;
        }
        long seen = knownHigh.getAndAccumulate(done.high(), Math::max);
        if (done.high() - done.published() > seen) {
            // Another instance's relay positioned rows too (or this is the first look since start):
            // their topics are not known here, so every group takes a look.
            signals.raiseAllConsumers();
        } else if (done.published() > 0) {
            signals.raiseConsumers(done.topics());
        }
        return done.published();
    }

    private long highWaterMark() {
        return jdbc.sql("select last_position from eventing.relay_state").query(Long.class).single();
    }

    /** What one relay transaction did: how many rows it positioned, of which topics, and the high-water mark after it. */
    private record Batch(int published, Set<String> topics, long high) {

        static Batch none(long high) {
            return new Batch(0, Set.of(), high);
        }
    }

    private void run() {
        BackgroundWork.markThread();
        Duration backoff = Duration.ZERO;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                // An empty look waits for the next commit's signal (or the poll) rather than spend a
                // transaction finding the outbox empty; a short batch lets the next commits gather
                // into one transaction (waybill.events.gather) before it looks again.
                int published = relayOnce();
                if (published == 0) {
                    signals.relay().await(idlePoll);
                } else if (published < batchSize) {
                    signals.relay().gather(gather);
                }
                backoff = Duration.ZERO;
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), Duration.ofSeconds(5));
                log.warn("Could not relay events through {} ({}); retrying in {} ms", transport.name(),
                        failure.getMessage(), backoff.toMillis());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        if (!enabled) {
            log.warn("The outbox relay is switched off (waybill.events.relay.enabled=false): events stay in the outbox.");
            return;
        }
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        log.info("Outbox relay started: events go out through {}", transport.name());
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        // Stops before the consumers (lower phases stop later) and long before the data source closes.
        return Integer.MAX_VALUE - 100;
    }
}
