package io.waybill.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task soon, on its own background thread, off the request's thread: right away, or once
 * the current transaction has committed what the task will read. Requests that arrive while a run
 * is pending fold into it. For the workers that send what an outbox table holds.
 */
public final class BackgroundRun implements AutoCloseable {

    private final ExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable task;

    public BackgroundRun(String threadName, Runnable task) {
        this.task = task;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(() -> BackgroundWork.run(runnable), threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the task after the current transaction commits, or now when there is none. */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    soon();
                }
            });
        } else {
            soon();
        }
    }

    public void soon() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                task.run();
            });
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
