package io.waybill.platform.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Runs the relay soon after a commit, on one background thread, off the request's thread. Wake-ups
 * that arrive while a run is pending fold into it.
 */
@Component
class MailRelayTrigger implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Runnable relay = () -> { };

    void onWake(Runnable relay) {
        this.relay = relay;
    }

    void wake() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                relay.run();
            });
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
