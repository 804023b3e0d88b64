package io.waybill.kernel.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import org.springframework.boot.health.contributor.Health;

/**
 * Runs a health check on a thread of its own and waits for it a bounded time: a dependency that
 * stops answering makes the probe DOWN within that time, however long its client would wait. One
 * check at a time: while one hangs, later probes wait on it rather than piling up threads. An
 * answer is kept for {@code cacheFor}, so frequent probes do not each reach the dependency.
 */
final class BoundedCheck implements AutoCloseable {

    private final String what;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Callable<Health> check;
    private final ExecutorService thread;
    private CompletableFuture<Health> inFlight;
    private Health last;
    private long lastAt;

    BoundedCheck(String what, Duration timeout, Duration cacheFor, Callable<Health> check) {
        this.what = what;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.check = check;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread daemon = new Thread(task, "health-" + what);
            daemon.setDaemon(true);
            // Started from a request's thread: not the web application's class loader, which would pin it.
            daemon.setContextClassLoader(BoundedCheck.class.getClassLoader());
            return daemon;
        });
    }

    Health health() {
        CompletableFuture<Health> running;
        synchronized (this) {
            if (last != null && System.nanoTime() - lastAt < cacheFor.toNanos()) {
                return last;
            }
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(this::run, thread);
            }
            running = inFlight;
        }
        Health health;
        try {
            health = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            health = Health.down().withDetail("error", what + " did not answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException | InterruptedException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            health = Health.down().withDetail("error", failed.toString()).build();
        }
        synchronized (this) {
            last = health;
            lastAt = System.nanoTime();
        }
        return health;
    }

    private Health run() {
        try {
            return check.call();
        } catch (Exception unreachable) {
            return Health.down().withDetail("error", unreachable.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
