package io.waybill.notifications;

import io.waybill.platform.BackgroundRun;
import io.waybill.platform.LogSafe;
import io.waybill.platform.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending notifications that are due: an email goes into the mail outbox (which sends it
 * after commit, with its own retries), an SMS straight to the {@link SmsSender}. A failure waits
 * {@code waybill.notifications.retry-delay}, then twice that, and so on, up to
 * {@code waybill.notifications.max-attempts}; then the notification is failed. Several instances
 * may run this at once: each locks the rows it sends.
 */
@Component
class NotificationDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 20;

    private final NotificationStore store;
    private final OutgoingMail mail;
    private final SmsSender sms;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final BackgroundRun wakeUps = new BackgroundRun("notifications-dispatch", this::sendDue);

    NotificationDispatcher(NotificationStore store, OutgoingMail mail, SmsSender sms, TransactionTemplate transaction,
            Clock clock, @Value("${waybill.notifications.retry-delay:PT30S}") Duration retryDelay,
            @Value("${waybill.notifications.max-attempts:10}") int maxAttempts) {
        this.store = store;
        this.mail = mail;
        this.sms = sms;
        this.transaction = transaction;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${waybill.notifications.poll-interval:PT5S}", initialDelayString = "PT2S")
    void poll() {
        sendDue();
    }

    /** Sends soon after the current transaction commits the notifications it recorded. */
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
            log.warn("Could not send notifications now; trying again at the next poll: {}", LogSafe.escape(e));
        }
    }

    private int sendBatch() {
        List<Notification> due = store.lockDue(clock.instant(), BATCH);
        for (Notification notification : due) {
            Instant now = clock.instant();
            try {
                if (notification.channel() == Channel.EMAIL) {
                    mail.queue(notification.recipient(), notification.subject(), notification.body());
                } else {
                    sms.send(notification.recipient(), notification.body());
                }
                store.markSent(notification.id(), now);
            } catch (Exception failure) {
                int attempts = notification.attempts() + 1;
                // A provider's answer may echo the recipient or the text: escaped before it reaches a log line.
                String error = LogSafe.escape(failure.getClass().getSimpleName() + ": " + failure.getMessage());
                if (attempts >= maxAttempts) {
                    log.error("Gave up notification {} ({}) after {} attempts: {}", notification.id(),
                            notification.channel().wireName(), attempts, error);
                    store.markFailed(notification.id(), attempts, error);
                } else {
                    Duration wait = Notification.backoff(retryDelay, attempts);
                    log.warn("Notification {} ({}) failed (attempt {}), retrying in {}: {}", notification.id(),
                            notification.channel().wireName(), attempts, wait, error);
                    store.markRetry(notification.id(), attempts, now.plus(wait), error);
                }
            }
        }
        return due.size();
    }

    @Override
    public void destroy() {
        wakeUps.close();
    }
}
