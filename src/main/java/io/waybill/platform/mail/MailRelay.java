package io.waybill.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A failed attempt is retried later, each time waiting twice as long
 * (from {@code waybill.mail.retry-delay}, at most an hour), until {@code waybill.mail.max-attempts};
 * the request that queued the message has long been answered.
 */
@Component
class MailRelay {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final JdbcMailOutbox outbox;
    private final MailTransport transport;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retryDelay;
    private final int maxAttempts;

    MailRelay(JdbcMailOutbox outbox, MailTransport transport, TransactionTemplate transaction, Clock clock,
            MailRelayTrigger trigger, @Value("${waybill.mail.retry-delay:PT30S}") Duration retryDelay,
            @Value("${waybill.mail.max-attempts:8}") int maxAttempts) {
        this.outbox = outbox;
        this.transport = transport;
        this.transaction = transaction;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        trigger.onWake(this::sendDue);
    }

    @Scheduled(fixedDelayString = "${waybill.mail.poll-interval:PT10S}", initialDelayString = "PT5S")
    void poll() {
        sendDue();
    }

    /** Sends every due message, a batch per transaction, until none is due. */
    void sendDue() {
        try {
            Integer sent;
            do {
                sent = transaction.execute(status -> sendBatch());
            } while (sent != null && sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("The mail relay could not reach the outbox; it tries again at its next poll", e);
        }
    }

    private int sendBatch() {
        List<QueuedMail> due = outbox.lockDue(clock.instant(), BATCH);
        for (QueuedMail mail : due) {
            Instant now = clock.instant();
            try {
                transport.send(mail);
                outbox.markSent(mail.id(), now);
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
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
        }
        return due.size();
    }

    Duration backoff(int attempt) {
        Duration wait = retryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
