package io.waybill.eventing.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox and the consumers' receipts from growing without end: published events older
 * than the retention are deleted once every in-process consumer group has read past them, and so
 * are receipts older than the retention (a redelivery after that long is not expected).
 */
@Component
class OutboxJanitor {

    private static final Logger log = LoggerFactory.getLogger(OutboxJanitor.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    OutboxJanitor(JdbcClient jdbc, Clock clock, EventsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
    }

    @Scheduled(fixedDelayString = "${waybill.events.cleanup-interval:PT1H}", initialDelayString = "PT5M")
    void clean() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        int events = jdbc.sql("""
                delete from eventing.outbox
                where published_at < ?
                  and position <= coalesce((select min(position) from eventing.consumer_offsets), position)""")
                .param(before).update();
        int receipts = jdbc.sql("delete from eventing.processed_events where processed_at < ?").param(before).update();
        // Counts of attempts that later succeeded after a restart (the success could not clear them).
        jdbc.sql("delete from eventing.event_failures where last_failed_at < ?").param(before).update();
        if (events + receipts > 0) {
            log.info("Removed {} published events and {} receipts older than {}", events, receipts, retention);
        }
    }
}
