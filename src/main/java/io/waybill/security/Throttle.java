package io.waybill.security;

import io.waybill.kernel.TooManyRequestsException;

import java.time.Duration;

/**
 * Counts against the {@link RateLimit}s. Where the counts live (this process, or Redis so that
 * several instances share them) is wiring; callers only say what to count and for whom.
 */
public interface Throttle {

    /**
     * Takes one from the key's budget if any is left, in one atomic step; the answer says whether it
     * was taken. To count only failures, take before trying and {@link #giveBack} when it went well:
     * checking first and taking after would let a burst of parallel attempts through on one check.
     */
    default Quota take(RateLimit limit, String key) {
        return take(limit, key, 1);
    }

    /**
     * Takes {@code units} from the key's budget if that many are left, all or none, in one atomic
     * step (a batch that counts each of its items, such as a bulk tracking lookup). A refusal takes
     * nothing; its {@code remaining} says what is left, its retry-after when the budget is full again.
     */
    Quota take(RateLimit limit, String key, int units);

    /**
     * As {@link #take(RateLimit, String, int)}, with a budget of {@code capacity} per the limit's
     * period instead of the configured one: for a key that has a limit of its own (an API key's).
     */
    Quota take(RateLimit limit, String key, int units, long capacity);

    /**
     * The budget per period of this limit for the running work: its tenant's own when it gave one
     * ({@link RateLimit#tenantSized()}), else the deployment's.
     */
    long capacity(RateLimit limit);

    /** Returns one taken by {@link #take} (never beyond the budget's size). */
    void giveBack(RateLimit limit, String key);

    /** Gives the key its full budget back (after the owner proved who they are, for example). */
    void reset(RateLimit limit, String key);

    /** The state of one budget after a {@link #take}. */
    record Quota(boolean taken, long limit, long remaining, Duration retryAfter) {

        public TooManyRequestsException refusal(String message) {
            return new TooManyRequestsException(message, retryAfter, limit, taken ? 0 : remaining);
        }
    }
}
