package io.waybill.eventing.outbox;

import io.waybill.kernel.TenantContext;
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
        // Every tenant's events and receipts (V192); the offsets are the platform's, the default tenant's rows.
        long[] removed = TenantContext.callAs(TenantContext.DEFAULT, () -> jdbc.sql("""
                select * from eventing.remove_handled_before(?, (select min(position) from eventing.consumer_offsets))""")
                .param(before).query((rs, n) -> new long[] {rs.getLong("events"), rs.getLong("receipts")}).single());
        if (removed[0] + removed[1] > 0) {
            log.info("Removed {} published events and {} receipts older than {}", removed[0], removed[1], retention);
        }
    }
}
