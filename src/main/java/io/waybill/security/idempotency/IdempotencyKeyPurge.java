package io.waybill.security.idempotency;

import io.waybill.kernel.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes every tenant's idempotency keys past their retention, every {@code waybill.idempotency.purge-interval}. */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final JdbcIdempotencyKeys keys;
    private final Clock clock;

    IdempotencyKeyPurge(JdbcIdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${waybill.idempotency.purge-interval:PT10M}", initialDelayString = "PT1M")
    void purge() {
        Instant now = clock.instant();
        int purged = 0;
        for (UUID tenant : keys.tenantsWithExpired(now)) {
            purged += TenantContext.callAs(tenant, () -> keys.purge(now));
        }
        if (purged > 0) {
            log.info("Removed {} idempotency keys past their retention", purged);
        }
    }
}
