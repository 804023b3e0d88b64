package io.waybill.mail.relay;

import io.waybill.kernel.OutboundWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, with no transaction open while the mail server is talked to. A
 * failed attempt is retried later, each time waiting twice as long (from {@code waybill.mail.retry-delay},
 * at most an hour), until {@code waybill.mail.max-attempts}; the request that queued the message
 * has long been answered.
 */
@Component
class MailRelay implements OutboundWorker.Queue<QueuedMail, Void>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final JdbcMailOutbox outbox;
    private final MailTransport transport;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final OutboundWorker<QueuedMail, Void> worker;

    MailRelay(JdbcMailOutbox outbox, MailTransport transport, TransactionTemplate transaction, Clock clock,
            MailRelayTrigger trigger, OutgoingMailProperties properties) {
        this.outbox = outbox;
        this.transport = transport;
        this.retryDelay = properties.retryDelay();
        this.maxAttempts = properties.maxAttempts();
        this.worker = new OutboundWorker<>("mail-relay", this, transaction, clock, properties.lease(),
                properties.concurrency());
        trigger.onWake(worker::wake);
    }

    @Scheduled(fixedDelayString = "${waybill.mail.poll-interval:PT10S}", initialDelayString = "PT5S")
    void poll() {
        // The claim runs on the worker's own thread: the shared scheduler thread never waits on the database.
        worker.wake();
    }

    /** Sends every due message and waits until each outcome is recorded. */
    void sendDue() {
        worker.sendDueAndWait();
    }

    @Override
    public List<UUID> tenantsWithDue(Instant now) {
        return outbox.tenantsWithDue(now);
    }

    @Override
    public List<QueuedMail> claim(Instant now, Duration lease, int limit) {
        return outbox.claimDue(now, now.plus(lease), limit);
    }

    @Override
    public Void send(QueuedMail mail) throws Exception {
        transport.send(mail);
        return null;
    }

    @Override
    public void record(QueuedMail mail, Instant now, Void answer, Exception failure) {
        if (failure == null) {
            outbox.markSent(mail.id(), now);
            return;
        }
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        int attempt = mail.attempts() + 1;
        if (attempt >= maxAttempts) {
            log.error("Gave up sending mail {} after {} attempts: {}", mail.id(), attempt, error);
            outbox.giveUp(mail.id(), now, error);
        } else {
            Duration wait = backoff(attempt);
            log.warn("Sending mail {} failed (attempt {}), retrying in {}: {}", mail.id(), attempt, wait, error);
            outbox.markFailed(mail.id(), now, wait, error);
        }
    }

    Duration backoff(int attempt) {
        Duration wait = retryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    @Override
    public void destroy() {
        worker.close();
    }
}
