package io.waybill.platform;

import java.time.Duration;

/**
 * Counts against the {@link RateLimit}s. Where the counts live (this process, or Redis so that
 * several instances share them) is wiring; callers only say what to count and for whom.
 */
public interface Throttle {

    /** Takes one from the key's budget if any is left; the answer says whether it was taken. */
    Quota take(RateLimit limit, String key);

    /** Refuses with a {@link TooManyRequestsException} when the key's budget is spent, without taking any. */
    void requireAvailable(RateLimit limit, String key);

    /** Gives the key its full budget back (after the owner proved who they are, for example). */
    void reset(RateLimit limit, String key);

    /** The state of one budget after a {@link #take}. */
    record Quota(boolean taken, long limit, long remaining, Duration retryAfter) {

        public TooManyRequestsException refusal(String message) {
            return new TooManyRequestsException(message, retryAfter, limit);
        }
    }
}
