package io.waybill.kernel;

/**
 * Marks the running thread's work as background work (event consumers, the outbox relay, the
 * outbound senders) rather than a request's. The application's data source lends background work
 * connections from a pool of its own ({@code waybill.database.workers-pool-size}), so that a burst
 * of requests holding every request connection cannot starve the consumers that keep the read
 * models, caches and notifications up to date, and the other way round.
 */
public final class BackgroundWork {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private BackgroundWork() {
    }

    /** Whether the running thread is doing background work. */
    public static boolean active() {
        return ACTIVE.get() != null;
    }

    /** Marks the rest of this thread's life as background work: for a thread that does nothing else. */
    public static void markThread() {
        ACTIVE.set(Boolean.TRUE);
    }

    /** Runs the work as background work, then restores whatever the thread was. */
    public static void run(Runnable work) {
        if (active()) {
            work.run();
            return;
        }
        ACTIVE.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            ACTIVE.remove();
        }
    }
}
