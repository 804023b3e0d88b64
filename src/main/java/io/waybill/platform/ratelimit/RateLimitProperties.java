package io.waybill.platform.ratelimit;

import io.waybill.platform.InvalidSettingException;
import io.waybill.platform.RateLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The size of each limit, as {@code waybill.rate-limits.<name>.capacity} (how many) and
 * {@code .period} (per how long). The defaults suit one public instance.
 */
@ConfigurationProperties("waybill.rate-limits")
public class RateLimitProperties {

    private final Map<String, Budget> limits = new java.util.HashMap<>();

    public RateLimitProperties() {
        limits.put(RateLimit.LOGIN_ACCOUNT.configName(), new Budget(5, Duration.ofMinutes(15)));
        limits.put(RateLimit.LOGIN_ACCOUNT_TOTAL.configName(), new Budget(50, Duration.ofMinutes(15)));
        limits.put(RateLimit.LOGIN_ADDRESS.configName(), new Budget(50, Duration.ofMinutes(15)));
        limits.put(RateLimit.TRACKING.configName(), new Budget(60, Duration.ofMinutes(1)));
        limits.put(RateLimit.REGISTRATION.configName(), new Budget(20, Duration.ofHours(1)));
        limits.put(RateLimit.MAIL_REQUEST.configName(), new Budget(10, Duration.ofHours(1)));
        limits.put(RateLimit.BOOKING.configName(), new Budget(60, Duration.ofMinutes(1)));
    }

    // Bound by name: waybill.rate-limits.login-account.capacity=5 lands in the map's "login-account" entry.
    public Budget getLoginAccount() {
        return limits.get(RateLimit.LOGIN_ACCOUNT.configName());
    }

    public Budget getLoginAccountTotal() {
        return limits.get(RateLimit.LOGIN_ACCOUNT_TOTAL.configName());
    }

    public Budget getLoginAddress() {
        return limits.get(RateLimit.LOGIN_ADDRESS.configName());
    }

    public Budget getTracking() {
        return limits.get(RateLimit.TRACKING.configName());
    }

    public Budget getRegistration() {
        return limits.get(RateLimit.REGISTRATION.configName());
    }

    public Budget getMailRequest() {
        return limits.get(RateLimit.MAIL_REQUEST.configName());
    }

    public Budget getBooking() {
        return limits.get(RateLimit.BOOKING.configName());
    }

    Map<RateLimit, Budget> byLimit() {
        Map<RateLimit, Budget> all = new EnumMap<>(RateLimit.class);
        for (RateLimit limit : RateLimit.values()) {
            Budget budget = limits.get(limit.configName());
            if (budget.getCapacity() < 1 || budget.getPeriod() == null || budget.getPeriod().isNegative()
                    || budget.getPeriod().isZero()) {
                String name = "waybill.rate-limits." + limit.configName();
                throw new InvalidSettingException(name, name + " needs a capacity of at least 1 and a positive "
                        + "period; it has capacity " + budget.getCapacity() + " and period " + budget.getPeriod() + ".",
                        "Set " + name + ".capacity to 1 or more and " + name + ".period to a positive duration "
                                + "(ISO-8601 like PT15M, or 15m), or remove them to use the defaults.");
            }
            all.put(limit, budget);
        }
        return all;
    }

    /** How many actions per period. */
    public static class Budget {

        private long capacity;
        private Duration period;

        public Budget(long capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }

        public long getCapacity() {
            return capacity;
        }

        public void setCapacity(long capacity) {
            this.capacity = capacity;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }
}
