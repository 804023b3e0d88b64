package io.waybill.notifications;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where webhook subscriptions and their delivery log are kept. */
public interface WebhookStore {

    void add(Webhook webhook);

    /**
     * How many active subscriptions this owner has; holds registrations of the same owner back until
     * the transaction ends, so that two at once cannot pass a cap together.
     */
    int countActiveLockingOwner(UUID ownerId);

    Optional<Webhook> find(UUID id);

    /** Every subscription (admins), or one owner's. */
    Page<Webhook> list(UUID ownerOrNull, PageQuery page);

    List<Webhook> activeFor(String eventType);

    void delete(UUID id);

    /** Disables one subscription; its pending deliveries are cancelled when they come due. */
    void disable(UUID id, Instant at, String reason);

    /** Disables every active subscription of this owner and cancels their pending deliveries at once. */
    void disableAllOf(UUID ownerId, Instant at, String reason);

    /** Records a delivery unless this webhook already has one for this event. */
    void addDelivery(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(UUID webhookId, UUID deliveryId);

    Page<WebhookDelivery> deliveries(UUID webhookId, PageQuery page);

    /**
     * Claims up to {@code limit} due deliveries, at most one per webhook and none of a webhook that
     * has one in flight, and leases them until {@code leaseEnd}: a receiver that hangs holds up only
     * its own deliveries, and a sender that dies leaves its delivery due again when the lease ends.
     */
    List<WebhookDelivery> claimDueDeliveries(Instant now, Instant leaseEnd, int limit);

    /** The tenants with deliveries due at {@code now} (the one look across tenants). */
    List<UUID> tenantsWithDueDeliveries(Instant now);

    void markDelivered(UUID id, int attempts, int statusCode, Instant at);

    void markRetry(UUID id, int attempts, Integer statusCode, String error, Instant nextAttemptAt);

    void markFailed(UUID id, int attempts, Integer statusCode, String error);

    /** The delivery will not be attempted again, for this reason (its subscription is disabled). */
    void markCancelled(UUID id, String reason);

    /** Sends a delivery again from now, with a fresh retry period. */
    void redeliver(UUID id, Instant now);
}
