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

    /** Waits until raised or {@code atMost} has passed; returns whether it was raised. */
    boolean await(Duration atMost) throws InterruptedException {
        if (permits.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
            return true;
        }
        return false;
    }
}
