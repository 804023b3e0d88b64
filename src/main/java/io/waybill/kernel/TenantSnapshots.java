package io.waybill.kernel;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A per-tenant value this process keeps instead of reading it on every use: a tenant's settings as a
 * module's copy holds them (its budgets, its accepted proofs, its texts, its lanes and hubs), which
 * change a few times a day and are read on every request. A tenant's value is read when the running
 * work first needs it and kept for {@code freshFor}, so a change stored by another instance shows
 * within that time; a change this process stores or handles calls {@link #invalidate}, so the next
 * use here reads it at once.
 *
 * <p>The value is always the running work's tenant's ({@link TenantContext}), read as that tenant:
 * one tenant's value is never kept as, or served to, another's. Work that binds no tenant reads every
 * time and keeps nothing (whatever it sees is no tenant's). Concurrent first uses may each read; the
 * value is small and a read never waits for another's (a reader holding a connection must never wait
 * for one that needs a connection).
 *
 * @param <T> the value kept per tenant; shared between threads, so immutable
 */
public final class TenantSnapshots<T> {

    /** A tenant's value as read by work that started reading at {@code stamp}. */
    private record Snapshot<T>(T value, long readAt, long stamp) {
    }

    private final Duration freshFor;
    private final Supplier<T> read;
    private final LongSupplier nanoTime;
    private final Map<UUID, Snapshot<T>> snapshots = new ConcurrentHashMap<>();
    /** Moves on every invalidation; a snapshot is kept only while no invalidation of it came after its read began. */
    private final AtomicLong stamps = new AtomicLong();
    private final Map<UUID, Long> invalidatedAt = new ConcurrentHashMap<>();
    private final AtomicLong allInvalidatedAt = new AtomicLong();

    /**
     * @param freshFor how long a tenant's value is used before it is read again
     * @param read reads the running work's tenant's value (the tenant is bound when it runs)
     */
    public TenantSnapshots(Duration freshFor, Supplier<T> read) {
        this(freshFor, read, System::nanoTime);
    }

    /** As above, on the given clock (nanoseconds, as {@link System#nanoTime()}). */
    public TenantSnapshots(Duration freshFor, Supplier<T> read, LongSupplier nanoTime) {
        if (freshFor.isNegative()) {
            throw new IllegalArgumentException("freshFor must not be negative: " + freshFor);
        }
        this.freshFor = freshFor;
        this.read = Objects.requireNonNull(read);
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /** The running work's tenant's value: the one kept when it is fresh and still valid, else read now. */
    public T current() {
        Optional<UUID> bound = TenantContext.current();
        if (bound.isEmpty()) {
            return read.get();
        }
        UUID tenant = bound.get();
        long now = nanoTime.getAsLong();
        Snapshot<T> known = snapshots.get(tenant);
        if (known != null && now - known.readAt() < freshFor.toNanos() && isValid(tenant, known.stamp())) {
            return known.value();
        }
        // Taken before reading: an invalidation while the read runs makes what it read invalid at once.
        long stamp = stamps.get();
        T value = read.get();
        snapshots.merge(tenant, new Snapshot<>(value, now, stamp),
                (kept, fresh) -> fresh.stamp() >= kept.stamp() ? fresh : kept);
        return value;
    }

    /**
     * The tenant's value is read again at its next use here. Called in a transaction (the one that
     * stores the change), it is read again once more after that transaction ends (committed or
     * not), so a value read before the change was visible is not kept.
     */
    public void invalidate(UUID tenant) {
        Objects.requireNonNull(tenant);
        invalidateNow(tenant);
        afterTransaction(() -> invalidateNow(tenant));
    }

    /** As {@link #invalidate(UUID)} for the running work's tenant; every tenant's when it binds none. */
    public void invalidateCurrent() {
        TenantContext.current().ifPresentOrElse(this::invalidate, this::invalidateAll);
    }

    /** As {@link #invalidate(UUID)} for every tenant. */
    public void invalidateAll() {
        invalidateAllNow();
        afterTransaction(this::invalidateAllNow);
    }

    private boolean isValid(UUID tenant, long stamp) {
        return stamp >= allInvalidatedAt.get() && stamp >= invalidatedAt.getOrDefault(tenant, 0L);
    }

    private void invalidateNow(UUID tenant) {
        invalidatedAt.merge(tenant, stamps.incrementAndGet(), Math::max);
        snapshots.remove(tenant);
    }

    private void invalidateAllNow() {
        allInvalidatedAt.accumulateAndGet(stamps.incrementAndGet(), Math::max);
        snapshots.clear();
    }

    private static void afterTransaction(Runnable again) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    again.run();
                }
            });
        }
    }
}
