package io.waybill.kernel;

import java.time.Duration;

/** A limit on how often something may be done was reached (429); the client may retry after a while. */
public class TooManyRequestsException extends RefusalException {

    private final Duration retryAfter;
    private final long limit;

    public TooManyRequestsException(String message, Duration retryAfter, long limit) {
        super(message);
        this.retryAfter = retryAfter;
        this.limit = limit;
    }

    /** Whole seconds, rounded up, as the {@code Retry-After} header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long limit() {
        return limit;
    }
}
