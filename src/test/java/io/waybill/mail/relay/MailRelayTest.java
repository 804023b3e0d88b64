package io.waybill.mail.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.waybill.support.NoTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay retries a failed message later, waiting twice as long each time, and gives up in the end. */
class MailRelayTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final QueuedMail mail = new QueuedMail(UUID.randomUUID(), "asha@example.test", "Hello", "token: x", NOW, 0);
    private final FakeOutbox outbox = new FakeOutbox(mail);

    @Test
    void shouldRetryAFailedMessageWithGrowingWaitsUntilItIsSent() {
        List<QueuedMail> delivered = new ArrayList<>();
        int[] failuresLeft = {2};
        MailRelay relay = relay(sent -> {
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("SMTP server unavailable");
            }
            delivered.add(sent);
        }, 8);

        relay.sendDue();
        relay.sendDue();
        relay.sendDue();

        assertThat(outbox.waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(delivered).singleElement().extracting(QueuedMail::id).isEqualTo(mail.id());
        assertThat(outbox.sent).isTrue();
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        MailRelay relay = relay(sent -> {
            throw new IllegalStateException("mailbox unavailable");
        }, 3);

        for (int run = 0; run < 5; run++) {
            relay.sendDue();
        }

        assertThat(outbox.waits).hasSize(2);
        assertThat(outbox.gaveUp).isTrue();
        assertThat(outbox.sent).isFalse();
    }

    @Test
    void shouldClaimOffTheSchedulersThreadWhenPolled() throws InterruptedException {
        CountDownLatch claiming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        outbox.onClaim = () -> {
            outbox.claimedOn = Thread.currentThread().getName();
            claiming.countDown();
            awaitQuietly(release);
        };
        MailRelay relay = relay(sent -> { }, 8);
        try {
            long started = System.nanoTime();
            relay.poll();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(claiming.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(tookMillis).as("the poll returned while the claim was still waiting on the database").isLessThan(2_000);
            assertThat(outbox.claimedOn).isEqualTo("mail-relay");
        } finally {
            release.countDown();
            relay.destroy();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldWaitAnHourAtMost() {
        MailRelay relay = relay(sent -> { }, 8);

        assertThat(relay.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(relay.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(relay.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    private MailRelay relay(MailTransport transport, int maxAttempts) {
        return new MailRelay(outbox, transport, new TransactionTemplate(new NoTransactions()),
                Clock.fixed(NOW, ZoneOffset.UTC), new MailRelayTrigger(), new OutgoingMailProperties(
                        "Waybill <no-reply@waybill.local>", Duration.ofSeconds(30), maxAttempts, Duration.ofMinutes(2), 4,
                        Duration.ofSeconds(10)));
    }

    /** The outbox's contract without a database: one message, due until it is sent or given up. */
    private static final class FakeOutbox extends JdbcMailOutbox {

        private QueuedMail pending;
        final List<Duration> waits = new ArrayList<>();
        boolean sent;
        boolean gaveUp;
        Runnable onClaim = () -> { };
        volatile String claimedOn;

        FakeOutbox(QueuedMail mail) {
            super(null, Clock.systemUTC(), new MailRelayTrigger());
            this.pending = mail;
        }

        /** The one message is the default tenant's, as every message before tenants. */
        @Override
        List<UUID> tenantsWithDue(Instant now) {
            return pending == null ? List.of() : List.of(TenantContext.DEFAULT);
        }

        @Override
        List<QueuedMail> claimDue(Instant now, Instant leaseEnd, int limit) {
            onClaim.run();
            return pending == null ? List.of() : List.of(pending);
        }

        @Override
        void markSent(UUID id, Instant at) {
            sent = true;
            pending = null;
        }

        @Override
        void markFailed(UUID id, Instant at, Duration retryIn, String error) {
            waits.add(retryIn);
            pending = new QueuedMail(pending.id(), pending.recipient(), pending.subject(), pending.body(),
                    pending.createdAt(), pending.attempts() + 1);
        }

        @Override
        void giveUp(UUID id, Instant at, String error) {
            gaveUp = true;
            pending = null;
        }
    }
}
