package io.waybill.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what a module's outbox table holds to the world outside (mail, text messages, webhooks)
 * with no database transaction open during the call. It claims due items with a lease in one
 * short transaction, sends each on a thread of its own, and records each outcome in another short
 * transaction. A receiver that hangs holds only the items it was sent (and, where the queue claims
 * one item per owner, only that owner's); an instance that dies in the middle of a send leaves its
 * items to be claimed again once their lease has run out, so a send is at least once.
 *
 * @param <T> one claimed item, as its module's queue describes it
 * @param <R> what a send answers (a receiver's status code, or {@code Void})
 */
public final class OutboundWorker<T, R> implements AutoCloseable {

    /** A module's table of due items: how to claim them, send one, and record what happened. */
    public interface Queue<T, R> {

        /**
         * Claims up to {@code limit} due items and leases them until {@code now + lease}: no worker
         * claims an item again before its lease ends, unless its outcome was recorded.
         */
        List<T> claim(Instant now, Duration lease, int limit);

        /**
         * The tenants with items due at {@code now}: the worker claims, sends and records each
         * tenant's items as that tenant's work ({@link TenantContext}). The one look across tenants,
         * answered by a function of the module's schema that says nothing but the tenants.
         */
        List<UUID> tenantsWithDue(Instant now);

        /** The call to the outside world. It runs with no transaction open; throwing is a failed attempt. */
        R send(T item) throws Exception;

        /**
         * Records the outcome of one attempt, in a transaction of its own: what the send answered, or
         * the failure it threw (then {@code answer} is null).
         */
        void record(T item, Instant at, R answer, Exception failure);

        /**
         * Whether a claim holds back an item while another for the same receiver is in flight (so
         * that a slow receiver holds up only its own items): then each finished send claims again.
         */
        default boolean claimsOnePerReceiver() {
            return false;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OutboundWorker.class);

    private final String name;
    private final Queue<T, R> queue;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final int concurrency;
    private final Semaphore slots;
    private final SimpleAsyncTaskExecutor senders;
    private final AtomicBoolean moreDue = new AtomicBoolean();
    private final BackgroundRun claims;

    /**
     * @param lease       how long a claimed item stays with this worker; longer than any send can take
     * @param concurrency how many sends may be in flight at once
     */
    public OutboundWorker(String name, Queue<T, R> queue, TransactionTemplate transaction, Clock clock, Duration lease,
            int concurrency) {
        this.name = name;
        this.queue = queue;
        this.transaction = transaction;
        this.clock = clock;
        this.lease = lease;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.senders = new SimpleAsyncTaskExecutor(name + "-send-");
        this.senders.setDaemon(true);
        if (Runtime.version().feature() >= 21) {
            this.senders.setVirtualThreads(true);
        }
        this.claims = new BackgroundRun(name, this::sendDue);
    }

    /** Sends soon after the current transaction commits the items it queued (or now, outside one). */
    public void wakeAfterCommit() {
        claims.afterCommit();
    }

    /** Sends soon, on the worker's own thread: for a scheduled poll. */
    public void wake() {
        claims.soon();
    }

    /**
     * Claims as many due items as there are free send slots and starts sending them; returns once
     * they are started. Sends that finish while more items are due start the next claim.
     */
    public void sendDue() {
        try {
            List<UUID> tenants = transaction.execute(status -> queue.tenantsWithDue(clock.instant()));
            for (UUID tenant : tenants == null ? List.<UUID>of() : tenants) {
                if (!TenantContext.callAs(tenant, () -> sendDueOf(tenant))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("{}: could not claim due items now; trying again at the next poll: {}", name, e.toString());
        }
    }

    /** Claims and starts sending one tenant's due items; false when the send slots ran out first. */
    private boolean sendDueOf(UUID tenant) {
        while (true) {
            int free = slots.availablePermits();
            if (free == 0) {
                moreDue.set(true);
                return false;
            }
            List<T> items = transaction.execute(status -> queue.claim(clock.instant(), lease, free));
            if (items == null || items.isEmpty()) {
                return true;
            }
            for (T item : items) {
                slots.acquireUninterruptibly();
                senders.execute(() -> BackgroundWork.run(() -> TenantContext.runAs(tenant, () -> sendOne(item))));
            }
            if (items.size() < free) {
                return true;
            }
        }
    }

    /** Runs {@link #sendDue()} and waits until every send it started has been recorded: for tests. */
    public void sendDueAndWait() {
        sendDue();
        slots.acquireUninterruptibly(concurrency);
        slots.release(concurrency);
    }

    private void sendOne(T item) {
        try {
            Exception failure = null;
            R answer = null;
            try {
                answer = queue.send(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (Exception e) {
                failure = e;
            }
            Exception outcome = failure;
            R answered = answer;
            try {
                transaction.executeWithoutResult(status -> queue.record(item, clock.instant(), answered, outcome));
            } catch (RuntimeException e) {
                // The lease runs out and the item is claimed again: sent twice rather than never.
                log.warn("{}: could not record a send's outcome; it is retried when its lease ends: {}", name,
                        e.toString());
            }
        } finally {
            slots.release();
            if (moreDue.compareAndSet(true, false) || queue.claimsOnePerReceiver()) {
                claims.soon();
            }
        }
    }

    @Override
    public void close() {
        claims.close();
        senders.close();
    }
}
