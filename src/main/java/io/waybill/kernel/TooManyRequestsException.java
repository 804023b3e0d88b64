package io.waybill.kernel;

import java.time.Duration;

/** A limit on how often something may be done was reached (429); the client may retry after a while. */
public class TooManyRequestsException extends RefusalException {

    private final Duration retryAfter;
    private final long limit;
    private final long remaining;

    public TooManyRequestsException(String message, Duration retryAfter, long limit) {
        this(message, retryAfter, limit, 0);
    }

    /** {@code remaining}: what is left of the budget, when a request asked for more than that at once. */
    public TooManyRequestsException(String message, Duration retryAfter, long limit, long remaining) {
        super(message);
        this.retryAfter = retryAfter;
        this.limit = limit;
        this.remaining = remaining;
    }

    /** Whole seconds, rounded up, as the {@code Retry-After} header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long limit() {
        return limit;
    }

    public long remaining() {
        return remaining;
    }
}
