package io.waybill.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.security.AccountLookup;
import io.waybill.kernel.OutboundWorker;
import io.waybill.mail.OutgoingMail;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries: a signed POST of the event envelope, with short timeouts and no
 * redirects followed. Anything but a 2xx answer is retried after {@code waybill.webhooks.retry-delay},
 * doubling up to {@code waybill.webhooks.max-delay}, for {@code waybill.webhooks.retry-for} (24 h);
 * then the delivery has failed, the subscription is disabled and its owner told by email. The
 * address is checked again at each attempt, since DNS answers change, and the attempt connects to
 * the address that was checked ({@link HttpComponentsWebhookSender}). Before each attempt the owner's
 * account is looked up as it is now: a delivery planned for an account deleted since is cancelled,
 * and its subscriptions disabled, rather than sent. Deliveries go through the {@link OutboundWorker}:
 * no transaction is open while a receiver is called, and each webhook has at most one delivery in
 * flight, so a receiver that hangs holds up only its own.
 */
@Component
class WebhookDispatcher implements OutboundWorker.Queue<WebhookDelivery, Integer>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final Recipients recipients;
    private final AccountLookup accounts;
    private final OutgoingMail mail;
    private final Clock clock;
    private final WebhookUrlPolicy urls;
    private final MeterRegistry meters;
    private final Duration retryDelay;
    private final Duration maxDelay;
    private final Duration retryFor;
    private final HttpComponentsWebhookSender http;
    private final OutboundWorker<WebhookDelivery, Integer> worker;

    WebhookDispatcher(WebhookStore store, Recipients recipients, AccountLookup accounts, OutgoingMail mail,
            TransactionTemplate transaction, Clock clock, WebhookUrlPolicy urls, NotificationsProperties properties,
            MeterRegistry meters) {
        NotificationsProperties.Webhooks settings = properties.webhooks();
        Duration timeout = settings.timeout();
        this.store = store;
        this.recipients = recipients;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
        this.urls = urls;
        this.meters = meters;
        this.retryDelay = settings.retryDelay();
        this.maxDelay = settings.maxDelay();
        this.retryFor = settings.retryFor();
        this.http = new HttpComponentsWebhookSender(urls, timeout);
        // A lease outlasts the longest attempt (connect, then the answer) several times over.
        this.worker = new OutboundWorker<>("webhooks-dispatch", this, transaction, clock,
                timeout.multipliedBy(4).plusSeconds(30), settings.concurrency());
    }

    @Scheduled(fixedDelayString = "${waybill.webhooks.poll-interval:PT5S}", initialDelayString = "PT2S")
    void poll() {
        // The claim runs on the worker's own thread: the shared scheduler thread never waits on the database.
        worker.wake();
    }

    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    @Override
    public List<UUID> tenantsWithDue(Instant now) {
        return store.tenantsWithDueDeliveries(now);
    }

    @Override
    public List<WebhookDelivery> claim(Instant now, Duration lease, int limit) {
        return store.claimDueDeliveries(now, now.plus(lease), limit);
    }

    @Override
    public boolean claimsOnePerReceiver() {
        return true;
    }

    /** Posts the delivery and returns the receiver's status code; throws when it was not sent. */
    @Override
    public Integer send(WebhookDelivery delivery) throws Exception {
        Webhook webhook = store.find(delivery.webhookId()).orElse(null);
        if (webhook == null || !webhook.active()) {
            throw new NotSent("the subscription is disabled" + (webhook == null || webhook.disabledReason() == null
                    ? "" : ": " + webhook.disabledReason()), false);
        }
        if (!Webhook.ownerMayReceive(accounts.activeRole(webhook.ownerId()))) {
            if (accounts.isDisabled(webhook.ownerId())) {
                throw new NotSent("the owner's account is disabled", false);
            }
            throw new NotSent("the subscription is disabled: " + Webhook.OWNER_GONE, true);
        }
        Optional<String> refusal = urls.formRefusal(webhook.url());
        if (refusal.isPresent()) {
            throw new WebhookUrlPolicy.RefusedAddressException(refusal.get());
        }
        return post(webhook, delivery);
    }

    @Override
    public void record(WebhookDelivery delivery, Instant now, Integer statusCode, Exception failure) {
        if (failure instanceof NotSent notSent) {
            if (notSent.ownerGone) {
                store.find(delivery.webhookId())
                        .ifPresent(webhook -> store.disableAllOf(webhook.ownerId(), now, Webhook.OWNER_GONE));
            }
            store.markCancelled(delivery.id(), notSent.getMessage());
            count("cancelled");
            return;
        }
        int attempts = delivery.attempts() + 1;
        if (failure == null && statusCode / 100 == 2) {
            store.markDelivered(delivery.id(), attempts, statusCode, now);
            count("delivered");
            return;
        }
        String error = failure == null ? "answered " + statusCode
                : failure instanceof WebhookUrlPolicy.RefusedAddressException ? "url " + failure.getMessage()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (delivery.shouldGiveUp(now, retryFor)) {
            store.markFailed(delivery.id(), attempts, statusCode, error);
            store.find(delivery.webhookId()).ifPresent(webhook -> disable(webhook, now, error));
            count("failed");
        } else {
            store.markRetry(delivery.id(), attempts, statusCode, error,
                    now.plus(WebhookDelivery.backoff(retryDelay, maxDelay, attempts)));
            count("retry");
        }
    }

    /** In this application's registry, so that two contexts in one JVM (tests) keep their counts apart. */
    private void count(String result) {
        meters.counter("waybill.webhook.deliveries", "result", result).increment();
    }

    private int post(Webhook webhook, WebhookDelivery delivery) throws IOException {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Waybill-Webhooks/1");
        headers.put("X-Waybill-Event-Id", delivery.eventId().toString());
        headers.put("X-Waybill-Event-Type", delivery.eventType());
        headers.put("X-Waybill-Delivery-Id", delivery.id().toString());
        headers.put("X-Waybill-Signature", WebhookSignature.header(webhook.secret(), timestamp, delivery.body()));
        return http.post(webhook.url(), headers, delivery.body());
    }

    private void disable(Webhook webhook, Instant now, String error) {
        log.warn("Disabling webhook {} ({}): deliveries have failed for {} ({})", webhook.id(), webhook.url(),
                retryFor, error);
        store.disable(webhook.id(), now, "deliveries failed for " + retryFor + " (" + error + ")");
        // The owner's address from the module's own copy of the accounts: what they registered with.
        recipients.find(webhook.ownerId()).filter(Recipient::isLive).filter(owner -> owner.email() != null)
                .ifPresent(owner -> mail.queue(owner.email(),
                "Your Waybill webhook was disabled", """
                        Deliveries to your webhook %s (id %s) have failed for %s; the last error was: %s.

                        The subscription is disabled and receives nothing more. Its delivery log stays at
                        GET /webhooks/%s/deliveries, with the events it could not deliver. Once the receiver works,
                        register the URL again (POST /webhooks); events from before that are not sent again.
                        """.formatted(webhook.url(), webhook.id(), retryFor, error, webhook.id())));
    }

    @Override
    public void destroy() throws IOException {
        worker.close();
        http.close();
    }

    /** A delivery that will not be sent at all: its subscription is disabled or its owner gone. */
    private static final class NotSent extends Exception {

        private final boolean ownerGone;

        NotSent(String reason, boolean ownerGone) {
            super(reason, null, false, false);
            this.ownerGone = ownerGone;
        }
    }
}
