package io.waybill.eventing.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final EventTransport transport;
    private final EventSignals signals;
    private final Clock clock;
    private final boolean enabled;
    private final int batchSize;
    private final Duration idlePoll;
    private volatile Thread worker;

    OutboxRelay(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, EventTransport transport,
            EventSignals signals, Clock clock, EventsProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.transport = transport;
        this.signals = signals;
        this.clock = clock;
        this.enabled = properties.relay().enabled();
        this.batchSize = properties.relay().batchSize();
        this.idlePoll = properties.relay().idlePoll();
    }

    /** Relays one batch; returns how many events it published (0 when idle or another relay holds the lock). */
    int relayOnce() {
        Integer published = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK)
                    .query(Boolean.class).single())) {
                return 0;
            }
            List<OutboxRecord> records = jdbc.sql("""
                    select id, event_key, topic, envelope::text as envelope from eventing.outbox
                    where published_at is null order by id limit ?""")
                    .param(batchSize)
                    .query((rs, n) -> new OutboxRecord(rs.getLong("id"), 0, rs.getString("topic"),
                            rs.getString("event_key"), rs.getString("envelope")))
                    .list();
            if (records.isEmpty()) {
                return 0;
            }
            transport.publish(records);
            long last = jdbc.sql("select last_position from eventing.relay_state").query(Long.class).single();
            Timestamp now = Timestamp.from(clock.instant());
            List<Object[]> marks = new ArrayList<>(records.size());
            for (OutboxRecord record : records) {
                marks.add(new Object[] {now, ++last, record.id()});
            }
            batch.batchUpdate("update eventing.outbox set published_at = ?, position = ? where id = ?", marks);
            jdbc.sql("update eventing.relay_state set last_position = ?").param(last).update();
            return records.size();
        });
        int count = published == null ? 0 : published;
        if (count > 0) {
            signals.raiseConsumers();
        }
        return count;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                if (relayOnce() == 0) {
                    signals.relay().await(idlePoll);
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
