package io.waybill.notifications;

import io.waybill.identity.UserDirectory;
import io.waybill.platform.AccountLookup;
import io.waybill.platform.BackgroundRun;
import io.waybill.platform.OutgoingMail;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries: a signed POST of the event envelope, with short timeouts and no
 * redirects followed. Anything but a 2xx answer is retried after {@code waybill.webhooks.retry-delay},
 * doubling up to {@code waybill.webhooks.max-delay}, for {@code waybill.webhooks.retry-for} (24 h);
 * then the delivery has failed, the subscription is disabled and its owner told by email. The
 * address is checked again at each attempt, since DNS answers change, and the attempt connects to
 * the address that was checked ({@link HttpComponentsWebhookSender}). Before each attempt the owner's
 * account is looked up as it is now: a delivery planned for an account deleted since is cancelled,
 * and its subscriptions disabled, rather than sent.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 10;

    private final WebhookStore store;
    private final UserDirectory users;
    private final AccountLookup accounts;
    private final OutgoingMail mail;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final WebhookUrlPolicy urls;
    private final Duration retryDelay;
    private final Duration maxDelay;
    private final Duration retryFor;
    private final HttpComponentsWebhookSender http;
    private final BackgroundRun wakeUps = new BackgroundRun("webhooks-dispatch", this::sendDue);

    WebhookDispatcher(WebhookStore store, UserDirectory users, AccountLookup accounts, OutgoingMail mail,
            TransactionTemplate transaction, Clock clock,
            @Value("${waybill.webhooks.allow-private-addresses:false}") boolean allowPrivate,
            @Value("${waybill.webhooks.retry-delay:PT30S}") Duration retryDelay,
            @Value("${waybill.webhooks.max-delay:PT1H}") Duration maxDelay,
            @Value("${waybill.webhooks.retry-for:P1D}") Duration retryFor,
            @Value("${waybill.webhooks.timeout:PT5S}") Duration timeout) {
        this.store = store;
        this.users = users;
        this.accounts = accounts;
        this.mail = mail;
        this.transaction = transaction;
        this.clock = clock;
        this.urls = new WebhookUrlPolicy(allowPrivate);
        this.retryDelay = retryDelay;
        this.maxDelay = maxDelay;
        this.retryFor = retryFor;
        this.http = new HttpComponentsWebhookSender(urls, timeout);
    }

    @Scheduled(fixedDelayString = "${waybill.webhooks.poll-interval:PT5S}", initialDelayString = "PT2S")
    void poll() {
        sendDue();
    }

    void wakeAfterCommit() {
        wakeUps.afterCommit();
    }

    void sendDue() {
        try {
            Integer sent;
            do {
                sent = transaction.execute(status -> sendBatch());
            } while (sent != null && sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not send webhook deliveries now; trying again at the next poll: {}", e.toString());
        }
    }

    private int sendBatch() {
        List<WebhookDelivery> due = store.lockDueDeliveries(clock.instant(), BATCH);
        for (WebhookDelivery delivery : due) {
            Optional<Webhook> webhook = store.find(delivery.webhookId());
            int attempts = delivery.attempts() + 1;
            if (webhook.isEmpty() || !webhook.get().active()) {
                store.markCancelled(delivery.id(), "the subscription is disabled"
                        + webhook.map(w -> w.disabledReason() == null ? "" : ": " + w.disabledReason()).orElse(""));
                continue;
            }
            if (!Webhook.ownerMayReceive(accounts.activeRole(webhook.get().ownerId()))) {
                store.disableAllOf(webhook.get().ownerId(), clock.instant(), Webhook.OWNER_GONE);
                store.markCancelled(delivery.id(), "the subscription is disabled: " + Webhook.OWNER_GONE);
                continue;
            }
            Integer statusCode = null;
            String error;
            try {
                Optional<String> refusal = urls.formRefusal(webhook.get().url());
                if (refusal.isPresent()) {
                    error = "url " + refusal.get();
                } else {
                    statusCode = post(webhook.get(), delivery);
                    error = statusCode / 100 == 2 ? null : "answered " + statusCode;
                }
            } catch (WebhookUrlPolicy.RefusedAddressException e) {
                error = "url " + e.getMessage();
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Instant now = clock.instant();
            if (error == null) {
                store.markDelivered(delivery.id(), attempts, statusCode, now);
            } else if (delivery.shouldGiveUp(now, retryFor)) {
                store.markFailed(delivery.id(), attempts, statusCode, error);
                disable(webhook.get(), now, error);
            } else {
                store.markRetry(delivery.id(), attempts, statusCode, error,
                        now.plus(WebhookDelivery.backoff(retryDelay, maxDelay, attempts)));
            }
        }
        return due.size();
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
        users.findLive(webhook.ownerId()).ifPresent(owner -> mail.queue(owner.email(),
                "Your Waybill webhook was disabled", """
                        Deliveries to your webhook %s (id %s) have failed for %s; the last error was: %s.

                        The subscription is disabled. Its delivery log is at GET /webhooks/%s/deliveries; register
                        the URL again once the receiver works, and redeliver the failed deliveries you need.
                        """.formatted(webhook.url(), webhook.id(), retryFor, error, webhook.id())));
    }

    @Override
    public void destroy() throws IOException {
        wakeUps.close();
        http.close();
    }
}
