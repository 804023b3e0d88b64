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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    @Test
    void shouldClaimSendAndRecordEachTenantsItemsAsThatTenants() throws Exception {
        release.countDown();
        UUID other = UUID.randomUUID();
        FakeQueue two = new FakeQueue(List.of("mine-1", "mine-2")).with(other, List.of("theirs-1"));
        OutboundWorker<String, Void> tenants = new OutboundWorker<>("test", two,
                new TransactionTemplate(new NoTransactions()), Clock.systemUTC(), Duration.ofMinutes(1), 4);

        tenants.sendDueAndWait();

        assertThat(two.recorded).containsOnlyKeys("mine-1", "mine-2", "theirs-1");
        assertThat(two.sentAs).containsEntry("mine-1", TenantContext.DEFAULT).containsEntry("mine-2",
                TenantContext.DEFAULT).containsEntry("theirs-1", other);
        assertThat(two.recordedAs).isEqualTo(two.sentAs);
        assertThat(TenantContext.current()).as("the calling thread keeps no tenant").isEmpty();
        tenants.close();
    }

    private final class FakeQueue implements OutboundWorker.Queue<String, Void> {

        /** Each tenant's due items; a claim takes the current tenant's. */
        private final Map<UUID, List<String>> due = new ConcurrentHashMap<>();
        final Map<String, Exception> recorded = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, UUID> sentAs = new ConcurrentHashMap<>();
        final Map<String, UUID> recordedAs = new ConcurrentHashMap<>();
        final List<String> sentInsideTransaction = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> claimLimits = Collections.synchronizedList(new ArrayList<>());
        volatile boolean block;

        FakeQueue(List<String> due) {
            with(TenantContext.DEFAULT, due);
        }

        FakeQueue with(UUID tenant, List<String> items) {
            due.put(tenant, Collections.synchronizedList(new ArrayList<>(items)));
            return this;
        }

        @Override
        public List<UUID> tenantsWithDue(Instant now) {
            return due.entrySet().stream().filter(tenant -> !tenant.getValue().isEmpty()).map(Map.Entry::getKey)
                    .sorted().toList();
        }

        @Override
        public List<String> claim(Instant now, Duration lease, int limit) {
            claimLimits.add(limit);
            List<String> mine = due.get(TenantContext.current().orElseThrow());
            synchronized (mine) {
                List<String> claimed = new ArrayList<>(mine.subList(0, Math.min(limit, mine.size())));
                mine.removeAll(claimed);
                return claimed;
            }
        }

        @Override
        public Void send(String item) throws Exception {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                sentInsideTransaction.add(item);
            }
            sentAs.put(item, TenantContext.current().orElseThrow());
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
            recordedAs.put(item, TenantContext.current().orElseThrow());
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
