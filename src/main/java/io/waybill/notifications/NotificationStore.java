package io.waybill.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where notifications and preferences are kept. */
public interface NotificationStore {

    /** Records a notification unless this event already caused one on this channel. */
    void add(Notification notification);

    /**
     * Claims up to {@code limit} pending notifications that are due, only the oldest pending one of
     * each recipient and channel, so that messages arrive in order: their next attempt moves to
     * {@code leaseEnd}, so that no other sender takes them meanwhile, and a sender that died leaves
     * them due again.
     */
    List<Notification> claimDue(Instant now, Instant leaseEnd, int limit);

    /** The tenants with notifications due at {@code now} (the one look across tenants). */
    List<UUID> tenantsWithDue(Instant now);

    /** Records the notification sent, as it was written (an unwritten one is written only when sent). */
    void markSent(Notification sent, Instant at);

    /** Records that the notification will never be sent, and why. */
    void markCancelled(UUID id, String reason);

    void markRetry(UUID id, int attempts, Instant nextAttemptAt, String error);

    void markFailed(UUID id, int attempts, String error);

    List<Notification> forUser(UUID userId);

    Optional<NotificationPreferences> preferences(UUID userId);

    void storePreferences(UUID userId, NotificationPreferences preferences, Instant at);
}
