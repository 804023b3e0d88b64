package io.waybill.eventing.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes a waiting worker early: many signals while it works fold into one wake-up. */
final class Signal {

    private final Semaphore permits = new Semaphore(0);

    void raise() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /**
     * Lets {@code pause} pass whatever is raised meanwhile, then forgets those raises: the worker is
     * about to look anyway, and sees everything committed before it looks.
     */
    void gather(Duration pause) throws InterruptedException {
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
        permits.drainPermits();
    }

    /** Waits until raised or {@code atMost} has passed; returns whether it was raised. */
    boolean await(Duration atMost) throws InterruptedException {
        if (permits.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
            return true;
        }
        return false;
    }
}
