package io.waybill.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One message to one person on one channel, caused by one event (so an event redelivered never
 * sends it twice). It is pending until sent; a failed attempt waits twice as long as the one
 * before, and after the last allowed attempt the notification is failed for good. One that will
 * never be sent (its account deleted, its address unverified) is cancelled.
 *
 * <p>A notification is normally written when it is planned: {@code recipient}, {@code subject} and
 * {@code body} are set. One planned for an account the module does not know yet (its
 * {@code user.created} has not arrived) is unwritten: it keeps the template's {@code values} and is
 * written when it is sent, from the account as known then.
 */
public record Notification(UUID id, UUID eventId, UUID userId, Channel channel, String kind, String recipient,
        String subject, String body, String status, int attempts, Instant nextAttemptAt, Map<String, String> values) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public static Notification pending(UUID eventId, UUID userId, Channel channel, String kind, String recipient,
            RenderedMessage message, Instant now) {
        return new Notification(UUID.randomUUID(), eventId, userId, channel, kind, recipient, message.subject(),
                message.body(), PENDING, 0, now, null);
    }

    /** A notification for an account not known yet: addressed and written when it is sent. */
    public static Notification unwritten(UUID eventId, UUID userId, Channel channel, String kind,
            Map<String, String> values, Instant now) {
        return new Notification(UUID.randomUUID(), eventId, userId, channel, kind, null, null, null, PENDING, 0, now,
                Map.copyOf(values));
    }

    public boolean isWritten() {
        return recipient != null && body != null;
    }

    /** This notification addressed to {@code to} with the given text. */
    public Notification writtenTo(String to, RenderedMessage message) {
        return new Notification(id, eventId, userId, channel, kind, to, message.subject(), message.body(), status,
                attempts, nextAttemptAt, values);
    }

    /** The wait before the next attempt after {@code attempts} failed ones: base, 2 x base, 4 x base, ... */
    public static Duration backoff(Duration base, int attempts) {
        return base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    }
}
