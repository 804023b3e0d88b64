package io.waybill.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.kernel.LogSafe;
import io.waybill.kernel.OutboundWorker;
import io.waybill.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending notifications that are due, through the {@link OutboundWorker}: a text message
 * goes to the {@link SmsSender} with no transaction open; an email is handed to the mail outbox
 * (which sends it with its own retries) in the same transaction that marks it sent. A failure waits
 * {@code waybill.notifications.retry-delay}, then twice that, and so on, up to
 * {@code waybill.notifications.max-attempts}; then the notification is failed. Several instances
 * may run this at once: each claims the rows it sends with a lease.
 */
@Component
class NotificationDispatcher implements OutboundWorker.Queue<Notification, Void>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationStore store;
    private final OutgoingMail mail;
    private final SmsSender sms;
    private final MeterRegistry meters;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final OutboundWorker<Notification, Void> worker;

    NotificationDispatcher(NotificationStore store, OutgoingMail mail, SmsSender sms, TransactionTemplate transaction,
            Clock clock, NotificationsProperties properties, MeterRegistry meters) {
        NotificationsProperties.Notifications settings = properties.notifications();
        this.store = store;
        this.mail = mail;
        this.sms = sms;
        this.meters = meters;
        this.retryDelay = settings.retryDelay();
        this.maxAttempts = settings.maxAttempts();
        this.worker = new OutboundWorker<>("notifications-dispatch", this, transaction, clock, settings.lease(),
                settings.concurrency());
    }

    @Scheduled(fixedDelayString = "${waybill.notifications.poll-interval:PT5S}", initialDelayString = "PT2S")
    void poll() {
        // The claim runs on the worker's own thread: the shared scheduler thread never waits on the database.
        worker.wake();
    }

    /** Sends soon after the current transaction commits the notifications it recorded. */
    void wakeAfterCommit() {
        worker.wakeAfterCommit();
    }

    @Override
    public List<Notification> claim(Instant now, Duration lease, int limit) {
        return store.claimDue(now, now.plus(lease), limit);
    }

    /** One message at a time per recipient and channel, oldest first: see {@link NotificationStore#claimDue}. */
    @Override
    public boolean claimsOnePerReceiver() {
        return true;
    }

    @Override
    public Void send(Notification notification) throws Exception {
        if (notification.channel() == Channel.SMS) {
            sms.send(notification.recipient(), notification.body());
        }
        return null;
    }

    @Override
    public void record(Notification notification, Instant now, Void answer, Exception failure) {
        if (failure == null) {
            if (notification.channel() == Channel.EMAIL) {
                mail.queue(notification.recipient(), notification.subject(), notification.body());
            }
            store.markSent(notification.id(), now);
            count(notification, "sent");
            return;
        }
        int attempts = notification.attempts() + 1;
        // A provider's answer may echo the recipient or the text: escaped before it reaches a log line.
        String error = LogSafe.escape(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        if (attempts >= maxAttempts) {
            log.error("Gave up notification {} ({}) after {} attempts: {}", notification.id(),
                    notification.channel().wireName(), attempts, error);
            store.markFailed(notification.id(), attempts, error);
            count(notification, "failed");
        } else {
            Duration wait = Notification.backoff(retryDelay, attempts);
            log.warn("Notification {} ({}) failed (attempt {}), retrying in {}: {}", notification.id(),
                    notification.channel().wireName(), attempts, wait, error);
            store.markRetry(notification.id(), attempts, now.plus(wait), error);
            count(notification, "retry");
        }
    }

    /** In this application's registry, so that two contexts in one JVM (tests) keep their counts apart. */
    private void count(Notification notification, String result) {
        meters.counter("waybill.notifications", "channel", notification.channel().wireName(), "result", result)
                .increment();
    }

    @Override
    public void destroy() {
        worker.close();
    }
}
