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
import java.util.Optional;
import java.util.UUID;
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
 *
 * <p>An unwritten notification (planned before its account's {@code user.created} arrived) is
 * addressed and written from {@link Recipients} when it is sent. While the account is still
 * unknown (or, for an email, its address not verified), the attempt fails and waits like any other,
 * so the notification is failed, saying why, only after the usual attempts; an account known by
 * then but deleted, or a text message for an account without an E.164 phone, cancels it.
 */
@Component
class NotificationDispatcher implements OutboundWorker.Queue<Notification, Notification>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationStore store;
    private final Recipients recipients;
    private final NotificationTemplates templates;
    private final OutgoingMail mail;
    private final SmsSender sms;
    private final MeterRegistry meters;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final OutboundWorker<Notification, Notification> worker;

    NotificationDispatcher(NotificationStore store, Recipients recipients, NotificationTemplates templates,
            OutgoingMail mail, SmsSender sms, TransactionTemplate transaction, Clock clock,
            NotificationsProperties properties, MeterRegistry meters) {
        NotificationsProperties.Notifications settings = properties.notifications();
        this.store = store;
        this.recipients = recipients;
        this.templates = templates;
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

    /** Sends a text message (an email is handed to the mail outbox in {@link #record}); returns it as written. */
    @Override
    public Notification send(Notification notification) throws Exception {
        Notification written = notification.isWritten() ? notification : write(notification);
        if (written.channel() == Channel.SMS) {
            sms.send(written.recipient(), written.body());
        }
        return written;
    }

    /**
     * Addresses and writes a notification planned before its account was known, from the account as
     * known now. An email waits for the address to be verified as well: the {@code user.updated}
     * that says so may lag behind the {@code user.created}, as the booking's event overtook both.
     */
    private Notification write(Notification notification) throws NotYetAddressable, NotSent {
        UUID userId = notification.userId();
        Recipient recipient = recipients.find(userId).orElseThrow(() -> new NotYetAddressable(
                "account " + userId + " is not known yet (no user.created event has arrived for it)"));
        if (!recipient.isLive()) {
            throw new NotSent(recipient.whyNot(notification.channel()));
        }
        Optional<String> address = recipient.addressFor(notification.channel());
        if (address.isEmpty() && notification.channel() == Channel.EMAIL) {
            throw new NotYetAddressable("the email address of account " + userId + " is not verified (yet)");
        }
        if (address.isEmpty()) {
            throw new NotSent(recipient.whyNot(notification.channel()));
        }
        return notification.writtenTo(address.get(), templates.render(notification.kind(), notification.channel(),
                NotificationPlanner.withName(notification.values(), recipient)));
    }

    @Override
    public void record(Notification notification, Instant now, Notification written, Exception failure) {
        if (failure == null) {
            if (written.channel() == Channel.EMAIL) {
                mail.queue(written.recipient(), written.subject(), written.body());
            }
            store.markSent(written, now);
            count(notification, "sent");
            return;
        }
        if (failure instanceof NotSent notSent) {
            store.markCancelled(notification.id(), notSent.getMessage());
            count(notification, "cancelled");
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

    /** An unwritten notification's account is not known, or not verified, yet: tried again later. */
    static final class NotYetAddressable extends Exception {

        NotYetAddressable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A notification that will never be sent, and why. */
    static final class NotSent extends Exception {

        NotSent(String reason) {
            super(reason, null, false, false);
        }
    }
}
