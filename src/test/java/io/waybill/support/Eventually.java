package io.waybill.support;

import java.time.Duration;

/** Retries an assertion until it holds or time runs out: for effects that arrive through events. */
public final class Eventually {

    private Eventually() {
    }

    public static void eventually(Runnable assertion) {
        eventually(Duration.ofSeconds(15), assertion);
    }

    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }
}
