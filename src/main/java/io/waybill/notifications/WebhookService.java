package io.waybill.notifications;

import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.security.AccountLookup;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook subscriptions: an admin subscribes to the events of every shipment, a customer to those of
 * their own. A subscription, its log and its redeliveries belong to its owner (and to admins);
 * anyone else is told it does not exist.
 */
@Service
public class WebhookService {

    private static final String NOT_FOUND = "No webhook with this id.";

    /** The type of the event {@link #sendTest} sends; no subscription receives it otherwise. */
    public static final String TEST_EVENT = "webhook.test";

    private final WebhookStore store;
    private final WebhookUrlPolicy urls;
    private final Clock clock;
    private final WebhookDispatcher dispatcher;
    private final AccountLookup accounts;
    private final int maxPerOwner;
    private final JsonMapper json;
    private final Throttle throttle;
    private final SecureRandom random = new SecureRandom();

    WebhookService(WebhookStore store, Clock clock, WebhookDispatcher dispatcher, AccountLookup accounts,
            WebhookUrlPolicy urls, NotificationsProperties properties, JsonMapper json, Throttle throttle) {
        this.store = store;
        this.throttle = throttle;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.accounts = accounts;
        this.urls = urls;
        this.maxPerOwner = properties.webhooks().maxPerOwner();
        this.json = json;
    }

    /** A subscription as its owner's account makes it now: whether it covers every shipment. */
    public record Subscription(Webhook webhook, boolean allShipments) {
    }

    /** Registers a subscription; the answer is the only time its secret is shown. */
    @Transactional
    public Webhook register(Caller caller, String url, List<String> events) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Webhook webhook = Webhook.subscribe(caller, url, events, urls,
                "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), clock.instant());
        // Where the host points is looked up only for a subscription that is otherwise acceptable.
        urls.refusal(webhook.url()).ifPresent(reason -> {
            throw new InvalidRequestException("url", reason);
        });
        // 409 rather than 422: the request is valid and would succeed once the owner deletes one of
        // their subscriptions; it clashes with what they already have, not with its own content.
        if (store.countActiveLockingOwner(caller.userId()) >= maxPerOwner) {
            throw new ConflictException("You already have " + maxPerOwner + " active webhooks, the most an account "
                    + "may have; delete one (DELETE /webhooks/{id}) before adding another.");
        }
        store.add(webhook);
        return webhook;
    }

    public Page<Subscription> list(Caller caller, PageQuery page) {
        requireOwnerRole(caller);
        return store.list(caller.isAdmin() ? null : caller.userId(), page).map(webhook ->
                new Subscription(webhook, Webhook.seesAllShipments(accounts.activeRole(webhook.ownerId()))));
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        store.delete(owned(caller, id).id());
    }

    public Page<WebhookDelivery> deliveries(Caller caller, UUID id, PageQuery page) {
        return store.deliveries(owned(caller, id).id(), page);
    }

    /** Sends a delivery again now (with a fresh retry period); the event id stays the same. */
    @Transactional
    public WebhookDelivery redeliver(Caller caller, UUID id, UUID deliveryId) {
        Webhook webhook = owned(caller, id);
        WebhookDelivery delivery = store.findDelivery(webhook.id(), deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery with this id for this webhook."));
        requireActive(webhook);
        store.redeliver(delivery.id(), clock.instant());
        dispatcher.wakeAfterCommit();
        return store.findDelivery(webhook.id(), deliveryId).orElseThrow();
    }

    /**
     * Queues a {@value #TEST_EVENT} event for this subscription, so that its owner can check their
     * receiver: signed and sent like any delivery (the attempt follows at once, retried if it fails),
     * and in the subscription's log. Its payload names the webhook and nothing else. Each is a request
     * to the receiver at our expense, so a webhook is sent at most the {@code webhook-test} rate
     * limit's budget (one per 10 seconds by default), counted like every per-key limit. No
     * transaction is open while the budget (Redis, when configured) is taken: the one write, the
     * delivery row, commits on its own.
     */
    public WebhookDelivery sendTest(Caller caller, UUID id) {
        Webhook webhook = owned(caller, id);
        requireActive(webhook);
        Instant now = clock.instant();
        // Counted only once the caller is known to own an active webhook: no one spends another's budget.
        Throttle.Quota quota = throttle.take(RateLimit.WEBHOOK_TEST, webhook.id().toString());
        if (!quota.taken()) {
            throw quota.refusal("Too many test events for this webhook: at most " + quota.limit() + " in a row "
                    + "(by default one every 10 seconds); try again in "
                    + Math.max(1, quota.retryAfter().toSeconds()) + " seconds.");
        }
        UUID eventId = UUID.randomUUID();
        ObjectNode payload = json.createObjectNode();
        payload.put("webhook_id", webhook.id().toString());
        payload.put("message", "A test event sent at your request: your receiver got it and can check its signature.");
        WebhookDelivery delivery = new WebhookDelivery(UUID.randomUUID(), webhook.id(), eventId, TEST_EVENT,
                WebhookPlanner.envelope(json, eventId, TEST_EVENT, 1, now, payload), WebhookDelivery.PENDING, 0, now,
                now, null, null, null);
        store.addDelivery(delivery);
        dispatcher.wakeAfterCommit();
        return delivery;
    }

    private static void requireActive(Webhook webhook) {
        if (!webhook.active()) {
            throw new ConflictException("This webhook is disabled (" + webhook.disabledReason()
                    + "); register the URL again to receive events.");
        }
    }

    private Webhook owned(Caller caller, UUID id) {
        requireOwnerRole(caller);
        Webhook webhook = store.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!caller.isAdmin() && !caller.is(webhook.ownerId())) {
            throw new NotFoundException(NOT_FOUND);
        }
        return webhook;
    }

    private static void requireOwnerRole(Caller caller) {
        if (!caller.isAdmin() && !caller.isCustomer()) {
            throw new ForbiddenException("Only customers and admins have webhooks.");
        }
    }
}
