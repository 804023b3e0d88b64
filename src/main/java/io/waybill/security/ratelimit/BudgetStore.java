package io.waybill.security.ratelimit;

import io.waybill.security.Throttle;
import java.time.Duration;

/**
 * Where the budgets are counted: in this process, or in Redis so that several instances share
 * them. A budget holds {@code capacity} and is full again {@code period} after it was first taken
 * from; each operation is one atomic step, so parallel callers never take the same unit twice.
 */
interface BudgetStore {

    default Throttle.Quota take(String key, long capacity, Duration period) {
        return take(key, capacity, period, 1);
    }

    /** Takes {@code units} if that many are left, else nothing. */
    Throttle.Quota take(String key, long capacity, Duration period, int units);

    /** Returns one unit, never beyond the capacity; a budget that is full (or gone) stays as it is. */
    void giveBack(String key, long capacity);

    void remove(String key);
}
