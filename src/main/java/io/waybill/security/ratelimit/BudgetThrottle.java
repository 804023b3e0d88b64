package io.waybill.security.ratelimit;

import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each limit is a budget per key, full again once per period: "5 failures in 15 minutes" means five
 * units that come back together 15 minutes after the budget was first spent from. When the shared
 * store (Redis) cannot be reached, the limits are counted in this process for a while instead: a
 * request is neither failed nor let through unlimited because Redis is away.
 */
final class BudgetThrottle implements Throttle {

    private static final Logger log = LoggerFactory.getLogger(BudgetThrottle.class);
    private static final Duration RETRY_SHARED_STORE_AFTER = Duration.ofSeconds(1);

    private final BudgetStore store;
    private final BudgetStore fallback;
    private final Map<RateLimit, RateLimitProperties.Budget> budgets;
    private final Consumer<RateLimit> onRefusal;
    private final Function<RateLimit, OptionalLong> tenantBudgets;
    private volatile long storeDownUntil;

    BudgetThrottle(BudgetStore store, Map<RateLimit, RateLimitProperties.Budget> budgets) {
        this(store, null, budgets, limit -> {
        }, limit -> OptionalLong.empty());
    }

    /**
     * {@code onRefusal} hears of every take that found the budget spent (to count refusals by limit);
     * {@code tenantBudgets} answers the budget the running work's tenant gave a limit it may size
     * ({@link RateLimit#tenantSized()}), if it gave one.
     */
    BudgetThrottle(BudgetStore store, BudgetStore fallback, Map<RateLimit, RateLimitProperties.Budget> budgets,
            Consumer<RateLimit> onRefusal, Function<RateLimit, OptionalLong> tenantBudgets) {
        this.store = store;
        this.fallback = fallback;
        this.budgets = new EnumMap<>(budgets);
        this.onRefusal = onRefusal;
        this.tenantBudgets = tenantBudgets;
    }

    @Override
    public Quota take(RateLimit limit, String key, int units) {
        return take(limit, key, units, capacity(limit));
    }

    @Override
    public Quota take(RateLimit limit, String key, int units, long capacity) {
        if (units < 1 || capacity < 1) {
            throw new IllegalArgumentException("units and capacity must be at least 1: " + units + ", " + capacity);
        }
        RateLimitProperties.Budget budget = budgets.get(limit);
        Quota quota = withStore(current -> current.take(storeKey(limit, key), capacity, budget.period(), units));
        if (!quota.taken()) {
            onRefusal.accept(limit);
        }
        return quota;
    }

    @Override
    public void giveBack(RateLimit limit, String key) {
        withStore(current -> {
            current.giveBack(storeKey(limit, key), capacity(limit));
            return null;
        });
    }

    @Override
    public void reset(RateLimit limit, String key) {
        withStore(current -> {
            current.remove(storeKey(limit, key));
            return null;
        });
    }

    /** The tenant's own budget of a limit it may size, when it gave one; the configured one otherwise. */
    @Override
    public long capacity(RateLimit limit) {
        if (limit.tenantSized()) {
            OptionalLong tenants = tenantBudgets.apply(limit);
            if (tenants.isPresent()) {
                return tenants.getAsLong();
            }
        }
        return budgets.get(limit).capacity();
    }

    private <T> T withStore(Function<BudgetStore, T> action) {
        if (fallback != null && System.nanoTime() < storeDownUntil) {
            return action.apply(fallback);
        }
        try {
            return action.apply(store);
        } catch (RuntimeException unreachable) {
            if (fallback == null) {
                throw unreachable;
            }
            storeDownUntil = System.nanoTime() + RETRY_SHARED_STORE_AFTER.toNanos();
            log.warn("Rate-limit store unreachable ({}); counting in this process for now", unreachable.toString());
            return action.apply(fallback);
        }
    }

    private static String storeKey(RateLimit limit, String key) {
        return limit.configName() + ":" + key;
    }
}
