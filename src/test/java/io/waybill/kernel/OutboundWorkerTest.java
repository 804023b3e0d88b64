package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.waybill.support.NoTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The worker sends with no transaction open, and one receiver that hangs holds up no one else. */
class OutboundWorkerTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final FakeQueue queue = new FakeQueue(List.of("slow", "a", "b", "c"));
    private final OutboundWorker<String, Void> worker = new OutboundWorker<>("test", queue,
            new TransactionTemplate(new NoTransactions()), Clock.systemUTC(), Duration.ofMinutes(1), 4);

    @Test
    void shouldSendTheOthersWhileOneReceiverHangs() throws Exception {
        worker.sendDue();

        assertThat(queue.awaitRecorded(3)).as("the three quick sends recorded while 'slow' hangs").isTrue();
        assertThat(queue.recorded).containsOnlyKeys("a", "b", "c");
        assertThat(queue.sentInsideTransaction).isEmpty();

        release.countDown();
        assertThat(queue.awaitRecorded(4)).isTrue();
        assertThat(queue.recorded).containsOnlyKeys("slow", "a", "b", "c");
        worker.close();
    }

    @Test
    void shouldRecordAFailureAsAFailedAttempt() throws Exception {
        release.countDown();
        FakeQueue failing = new FakeQueue(List.of("boom"));
        OutboundWorker<String, Void> other = new OutboundWorker<>("test", failing,
                new TransactionTemplate(new NoTransactions()), Clock.systemUTC(), Duration.ofMinutes(1), 2);

        other.sendDueAndWait();

        assertThat(failing.recorded).containsOnlyKeys("boom");
        assertThat(failing.recorded.get("boom")).isInstanceOf(IllegalStateException.class);
        other.close();
    }

    @Test
    void shouldClaimNoMoreThanItHasSlotsFor() throws Exception {
        FakeQueue many = new FakeQueue(List.of("1", "2", "3", "4", "5"));
        OutboundWorker<String, Void> two = new OutboundWorker<>("test", many,
                new TransactionTemplate(new NoTransactions()), Clock.systemUTC(), Duration.ofMinutes(1), 2);
        many.block = true;

        two.sendDue();

        assertThat(many.claimLimits).containsExactly(2);
        release.countDown();
        assertThat(many.awaitRecorded(5)).as("the rest are claimed as slots free up").isTrue();
        two.close();
    }

    private final class FakeQueue implements OutboundWorker.Queue<String, Void> {

        private final List<String> due;
        final Map<String, Exception> recorded = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> sentInsideTransaction = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> claimLimits = Collections.synchronizedList(new ArrayList<>());
        volatile boolean block;

        FakeQueue(List<String> due) {
            this.due = Collections.synchronizedList(new ArrayList<>(due));
        }

        @Override
        public List<String> claim(Instant now, Duration lease, int limit) {
            claimLimits.add(limit);
            synchronized (due) {
                List<String> claimed = new ArrayList<>(due.subList(0, Math.min(limit, due.size())));
                due.removeAll(claimed);
                return claimed;
            }
        }

        @Override
        public Void send(String item) throws Exception {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                sentInsideTransaction.add(item);
            }
            if (item.equals("slow") || block) {
                release.await(10, TimeUnit.SECONDS);
            }
            if (item.equals("boom")) {
                throw new IllegalStateException("receiver answered 500");
            }
            return null;
        }

        @Override
        public void record(String item, Instant at, Void answer, Exception failure) {
            recorded.put(item, failure);
        }

        boolean awaitRecorded(int count) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (recorded.size() < count && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            return recorded.size() >= count;
        }
    }
}
