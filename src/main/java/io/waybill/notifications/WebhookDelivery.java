package io.waybill.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one webhook, with its attempts: an entry of the delivery log. */
public record WebhookDelivery(UUID id, UUID webhookId, UUID eventId, String eventType, String body, String status,
        int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, Integer lastStatusCode,
        String lastError) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /**
     * After a failed attempt: retry after base x 2^(attempts-1), at most {@code longest}, until the
     * delivery is older than {@code retryFor}; then it has failed for good.
     */
    public boolean shouldGiveUp(Instant now, Duration retryFor) {
        return !now.isBefore(createdAt.plus(retryFor));
    }

    public static Duration backoff(Duration base, Duration longest, int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
