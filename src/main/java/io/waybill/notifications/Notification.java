package io.waybill.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one person on one channel, caused by one event (so an event redelivered never
 * sends it twice). It is pending until sent; a failed attempt waits twice as long as the one
 * before, and after the last allowed attempt the notification is failed for good.
 */
public record Notification(UUID id, UUID eventId, UUID userId, Channel channel, String kind, String recipient,
        String subject, String body, String status, int attempts, Instant nextAttemptAt) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    public static Notification pending(UUID eventId, UUID userId, Channel channel, String kind, String recipient,
            RenderedMessage message, Instant now) {
        return new Notification(UUID.randomUUID(), eventId, userId, channel, kind, recipient, message.subject(),
                message.body(), PENDING, 0, now);
    }

    /** The wait before the next attempt after {@code attempts} failed ones: base, 2 x base, 4 x base, ... */
    public static Duration backoff(Duration base, int attempts) {
        return base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    }
}
