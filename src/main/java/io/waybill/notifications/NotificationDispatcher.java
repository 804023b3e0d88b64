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
 * Sends the pending notifications that are due, through the {@link OutboundWorker}: a text message
 * goes to the {@link SmsSender}, a WhatsApp message to the {@link WhatsAppSender} and a push
 * notification to each of the user's {@link Devices} through the {@link PushSender}, with no
 * transaction open; an email is handed to the mail outbox (which sends it with its own retries) in
 * the same transaction that marks it sent. A provider's refusal that no retry can change
 * ({@link RejectedByProvider}) fails the notification at once. A failure waits
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
    private final OutboundChannels channels;
    private final Devices devices;
    private final MeterRegistry meters;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final OutboundWorker<Notification, Notification> worker;

    NotificationDispatcher(NotificationStore store, Recipients recipients, NotificationTemplates templates,
            OutgoingMail mail, SmsSender sms, OutboundChannels channels, Devices devices, TransactionTemplate transaction,
            Clock clock, NotificationsProperties properties, MeterRegistry meters) {
        NotificationsProperties.Notifications settings = properties.notifications();
        this.store = store;
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.sms = sms;
        this.channels = channels;
        this.devices = devices;
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
    public List<UUID> tenantsWithDue(Instant now) {
        return store.tenantsWithDue(now);
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

    /** Sends a message (an email is handed to the mail outbox in {@link #record}); returns it as written. */
    @Override
    public Notification send(Notification notification) throws Exception {
        Notification written = notification.isWritten() ? notification : write(notification);
        switch (written.channel()) {
            case SMS -> sms.send(written.recipient(), written.body());
            case WHATSAPP -> channels.whatsApp().orElseThrow(() -> new NotSent("WhatsApp is not configured"))
                    .send(written.recipient(), written.subject(), written.body().lines().toList());
            case PUSH -> push(written);
            case EMAIL -> {
                // Queued in the mail outbox when it is recorded sent.
            }
        }
        return written;
    }

    /**
     * Sends a push notification to each of the user's devices, forgetting those the provider no longer
     * knows. Sent once any device took it: retrying for the others would notify the first ones twice.
     */
    private void push(Notification written) throws Exception {
        PushSender sender = channels.push().orElseThrow(() -> new NotSent("push is not configured"));
        Map<String, String> data = Map.of("kind", written.kind(), "notification_id", written.id().toString());
        int delivered = 0;
        Exception failure = null;
        for (Device device : devices.ofUser(written.userId())) {
            try {
                sender.send(device.token(), written.subject(), written.body(), data);
                delivered++;
            } catch (PushSender.UnregisteredDevice gone) {
                log.info("Forgot device {} of account {}: {}", device.id(), written.userId(),
                        LogSafe.escape(gone.getMessage()));
                devices.removeToken(device.token());
            } catch (RejectedByProvider | java.io.IOException | RuntimeException e) {
                // A device that may take it later outweighs a refusal: the notification is retried.
                failure = failure != null && !(failure instanceof RejectedByProvider) ? failure : e;
            }
        }
        if (delivered > 0 && failure != null) {
            log.warn("Push notification {} reached {} device(s), not all: {}", written.id(), delivered,
                    LogSafe.escape(failure.getMessage()));
        }
        if (delivered > 0) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        throw new NotSent("the account has no registered device");
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
        if (attempts >= maxAttempts || failure instanceof RejectedByProvider) {
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
