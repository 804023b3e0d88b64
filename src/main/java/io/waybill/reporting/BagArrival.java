package io.waybill.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bag's arrival at its lane's destination hub, and whether it was on time. A bag is due when the
 * flight it was loaded on is scheduled to land ({@code dueAt}, from line haul); it is on time when
 * it is scanned in at the hub no later than {@link #TRANSFER_ALLOWANCE} after that, the time a bag
 * takes from the aircraft to the hub. A bag that flew on no flight has no due time: it counts as
 * arrived, but neither on time nor late, so a road lane's rate is not made up.
 */
public record BagArrival(Instant arrivedAt, Instant dueAt) {

    /** From the aircraft's scheduled landing to the hub's arrival scan: unloading, the road from the airport. */
    public static final Duration TRANSFER_ALLOWANCE = Duration.ofHours(2);

    public BagArrival {
        Objects.requireNonNull(arrivedAt);
    }

    /** Whether it had a time to keep, so that it counts towards the on-time rate. */
    public boolean isTimed() {
        return dueAt != null;
    }

    /** Scanned in no later than its flight's scheduled landing plus the allowance; false when it had no due time. */
    public boolean isOnTime() {
        return isTimed() && !arrivedAt.isAfter(dueAt.plus(TRANSFER_ALLOWANCE));
    }

    /** The share of timed arrivals that were on time, to three places; null when none was timed. */
    public static Double onTimeRate(long onTime, long timed) {
        if (timed <= 0) {
            return null;
        }
        return Math.round(1000.0 * onTime / timed) / 1000.0;
    }
}
