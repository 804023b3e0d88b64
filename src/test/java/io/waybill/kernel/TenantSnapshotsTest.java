package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TenantSnapshotsTest {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final UUID ACME = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID GLOBEX = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    /** The "database": each tenant's value, read as the bound tenant, as row-level security would. */
    private final Map<UUID, String> stored = new ConcurrentHashMap<>(Map.of(ACME, "acme-1", GLOBEX, "globex-1"));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final TenantSnapshots<String> snapshots = new TenantSnapshots<>(FRESH_FOR, () -> {
        reads.incrementAndGet();
        return TenantContext.current().map(stored::get).orElse("nobody's");
    }, clock::get);

    @AfterEach
    void unbind() {
        TenantContext.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldReadATenantsValueOncePerFreshPeriod() {
        assertThat(as(ACME)).isEqualTo("acme-1");
        stored.put(ACME, "acme-2");
        clock.addAndGet(FRESH_FOR.toNanos() - 1);
        assertThat(as(ACME)).isEqualTo("acme-1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldShowAChangeMadeElsewhereOnceTheValueIsStale() {
        as(ACME);
        stored.put(ACME, "acme-2");
        clock.addAndGet(FRESH_FOR.toNanos());
        assertThat(as(ACME)).isEqualTo("acme-2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldReadAgainAtOnceAfterAnInvalidation() {
        as(ACME);
        as(GLOBEX);
        stored.put(ACME, "acme-2");
        snapshots.invalidate(ACME);
        assertThat(as(ACME)).isEqualTo("acme-2");
        // Another tenant's value stays kept.
        assertThat(as(GLOBEX)).isEqualTo("globex-1");
        assertThat(reads).hasValue(3);
    }

    @Test
    void shouldNotKeepAValueReadWhileAnInvalidationCameIn() {
        AtomicReference<TenantSnapshots<String>> racing = new AtomicReference<>();
        AtomicInteger racingReads = new AtomicInteger();
        racing.set(new TenantSnapshots<>(FRESH_FOR, () -> {
            String before = stored.get(ACME);
            if (racingReads.incrementAndGet() == 1) {
                // Another thread stores a change and invalidates while this read runs.
                stored.put(ACME, "acme-2");
                racing.get().invalidate(ACME);
            }
            return before;
        }, clock::get));
        assertThat(TenantContext.callAs(ACME, racing.get()::current)).isEqualTo("acme-1");
        // What that read returned is not kept: the next use reads again.
        assertThat(TenantContext.callAs(ACME, racing.get()::current)).isEqualTo("acme-2");
        assertThat(TenantContext.callAs(ACME, racing.get()::current)).isEqualTo("acme-2");
        assertThat(racingReads).hasValue(2);
    }

    @Test
    void shouldReadAgainAfterTheTransactionThatStoredTheChangeEnds() {
        TransactionSynchronizationManager.initSynchronization();
        as(ACME);
        snapshots.invalidate(ACME);
        // Read inside the writing transaction, before the change is visible to the others.
        assertThat(as(ACME)).isEqualTo("acme-1");
        stored.put(ACME, "acme-2");
        List<TransactionSynchronization> ending = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        ending.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(as(ACME)).isEqualTo("acme-2");
    }

    @Test
    void shouldInvalidateEveryTenantWhenTheWorkBindsNone() {
        as(ACME);
        as(GLOBEX);
        stored.put(ACME, "acme-2");
        stored.put(GLOBEX, "globex-2");
        snapshots.invalidateCurrent();
        assertThat(as(ACME)).isEqualTo("acme-2");
        assertThat(as(GLOBEX)).isEqualTo("globex-2");
    }

    @Test
    void shouldNeverKeepWhatWorkOfNoTenantRead() {
        assertThat(snapshots.current()).isEqualTo("nobody's");
        assertThat(snapshots.current()).isEqualTo("nobody's");
        assertThat(reads).hasValue(2);
        assertThat(as(ACME)).isEqualTo("acme-1");
    }

    @Test
    void shouldNeverServeOneTenantsValueToAnother() {
        assertThat(as(ACME)).isEqualTo("acme-1");
        assertThat(as(GLOBEX)).isEqualTo("globex-1");
        assertThat(as(ACME)).isEqualTo("acme-1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldServeEachTenantItsOwnValueUnderConcurrentFirstUses() throws Exception {
        List<UUID> tenants = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            UUID tenant = UUID.randomUUID();
            tenants.add(tenant);
            stored.put(tenant, "value of " + tenant);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int use = 0; use < 400; use++) {
                UUID tenant = tenants.get(use % tenants.size());
                answers.add(threads.submit(() -> {
                    start.await();
                    return TenantContext.callAs(tenant, snapshots::current).equals("value of " + tenant);
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        int afterFirstUses = reads.get();
        // Each tenant was read at least once, and at most once per concurrent first use.
        assertThat(afterFirstUses).isBetween(tenants.size(), tenants.size() * 8);
        for (UUID tenant : tenants) {
            assertThat(TenantContext.callAs(tenant, snapshots::current)).isEqualTo("value of " + tenant);
        }
        assertThat(reads).hasValue(afterFirstUses);
    }

    private String as(UUID tenant) {
        return TenantContext.callAs(tenant, snapshots::current);
    }
}
