package io.waybill.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes agents' points older than the retention ({@code waybill.delivery.locations.retention},
 * 30 days), on a schedule, in batches. Several instances may run it at once: each deletes rows the
 * others have not locked, so they share the work instead of waiting on each other.
 */
@Component
class LocationRetention {

    private static final Logger log = LoggerFactory.getLogger(LocationRetention.class);
    /** Batches per run: a backlog (retention shortened, the job long stopped) is worked off over several runs. */
    private static final int MAX_BATCHES_PER_RUN = 200;

    private final AgentLocationService locations;

    LocationRetention(AgentLocationService locations) {
        this.locations = locations;
    }

    @Scheduled(fixedDelayString = "${waybill.delivery.locations.retention-interval:PT15M}", initialDelayString = "PT1M")
    void deleteExpired() {
        try {
            long deleted = locations.deleteExpired(MAX_BATCHES_PER_RUN);
            if (deleted > 0) {
                log.info("Deleted {} agent location points older than the retention", deleted);
            }
        } catch (RuntimeException failed) {
            log.warn("Deleting expired agent location points failed; next run retries: {}", failed.toString());
        }
    }
}
