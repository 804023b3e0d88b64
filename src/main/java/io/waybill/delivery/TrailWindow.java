package io.waybill.delivery;

import io.waybill.kernel.BadParameterException;
import java.time.Duration;
import java.time.Instant;

/**
 * The stretch of time an admin asks an agent's trail for: from (inclusive) to (exclusive). Left
 * out, {@code to} is now and {@code from} an hour before {@code to}. It is bounded, so that one
 * request never reads months of points: at most {@code maxLength} long.
 */
public record TrailWindow(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    public static TrailWindow of(Instant from, Instant to, Instant now, Duration maxLength) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(DEFAULT_LENGTH);
        if (!start.isBefore(end)) {
            throw new BadParameterException("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(maxLength) > 0) {
            throw new BadParameterException(from != null ? "from" : "to",
                    "the window from..to may be at most " + maxLength.toHours() + " h long");
        }
        return new TrailWindow(start, end);
    }
}
