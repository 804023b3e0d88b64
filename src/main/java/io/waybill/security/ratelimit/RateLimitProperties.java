package io.waybill.security.ratelimit;

import static io.waybill.kernel.InvalidSettingException.requirePositive;

import io.waybill.kernel.InvalidSettingException;
import io.waybill.security.RateLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The size of each limit, as {@code waybill.rate-limits.<name>.capacity} (how many) and
 * {@code .period} (per how long), and where Redis keeps the counts. The defaults suit one public
 * instance; a limit given only a capacity keeps its default period, and the other way round.
 *
 * @param redisKeyPrefix prefix of the rate-limit keys in Redis
 * @param redisTimeout   how long a call waits for Redis before the limits are counted in-process for a second
 */
@ConfigurationProperties("waybill.rate-limits")
public record RateLimitProperties(Budget loginAccount, Budget loginAccountTotal, Budget loginAddress, Budget tracking,
        Budget registration, Budget mailRequest, Budget booking, Budget locations, Budget whatsappSender, Budget apiKey,
        Budget webhookTest, @DefaultValue("waybill:rate-limit:") String redisKeyPrefix, @DefaultValue("PT0.25S") Duration redisTimeout) {

    private static final Map<RateLimit, Budget> DEFAULTS = new EnumMap<>(Map.ofEntries(
            Map.entry(RateLimit.LOGIN_ACCOUNT, new Budget(5L, Duration.ofMinutes(15))),
            Map.entry(RateLimit.LOGIN_ACCOUNT_TOTAL, new Budget(50L, Duration.ofMinutes(15))),
            Map.entry(RateLimit.LOGIN_ADDRESS, new Budget(50L, Duration.ofMinutes(15))),
            Map.entry(RateLimit.TRACKING, new Budget(60L, Duration.ofMinutes(1))),
            Map.entry(RateLimit.REGISTRATION, new Budget(20L, Duration.ofHours(1))),
            Map.entry(RateLimit.MAIL_REQUEST, new Budget(10L, Duration.ofHours(1))),
            Map.entry(RateLimit.BOOKING, new Budget(60L, Duration.ofMinutes(1))),
            Map.entry(RateLimit.LOCATIONS, new Budget(120L, Duration.ofMinutes(1))),
            Map.entry(RateLimit.WHATSAPP_SENDER, new Budget(10L, Duration.ofMinutes(1))),
            Map.entry(RateLimit.API_KEY, new Budget(600L, Duration.ofMinutes(1))),
            Map.entry(RateLimit.WEBHOOK_TEST, new Budget(1L, Duration.ofSeconds(10)))));

    public RateLimitProperties {
        loginAccount = settled(RateLimit.LOGIN_ACCOUNT, loginAccount);
        loginAccountTotal = settled(RateLimit.LOGIN_ACCOUNT_TOTAL, loginAccountTotal);
        loginAddress = settled(RateLimit.LOGIN_ADDRESS, loginAddress);
        tracking = settled(RateLimit.TRACKING, tracking);
        registration = settled(RateLimit.REGISTRATION, registration);
        mailRequest = settled(RateLimit.MAIL_REQUEST, mailRequest);
        booking = settled(RateLimit.BOOKING, booking);
        locations = settled(RateLimit.LOCATIONS, locations);
        whatsappSender = settled(RateLimit.WHATSAPP_SENDER, whatsappSender);
        apiKey = settled(RateLimit.API_KEY, apiKey);
        webhookTest = settled(RateLimit.WEBHOOK_TEST, webhookTest);
        if (!apiKey.period().equals(Duration.ofMinutes(1))) {
            throw new InvalidSettingException("waybill.rate-limits.api-key.period", "waybill.rate-limits.api-key"
                    + ".period is " + apiKey.period() + "; API keys' limits are requests per minute.",
                    "Remove waybill.rate-limits.api-key.period (it is PT1M); set only its capacity.");
        }
        if (redisKeyPrefix == null || redisKeyPrefix.isBlank()) {
            throw new InvalidSettingException("waybill.rate-limits.redis-key-prefix",
                    "waybill.rate-limits.redis-key-prefix is empty.", "Set waybill.rate-limits.redis-key-prefix to "
                            + "a prefix of its own (e.g. waybill:rate-limit:), or remove it to use the default.");
        }
        requirePositive("waybill.rate-limits.redis-timeout", redisTimeout);
    }

    Map<RateLimit, Budget> byLimit() {
        Map<RateLimit, Budget> all = new EnumMap<>(RateLimit.class);
        all.put(RateLimit.LOGIN_ACCOUNT, loginAccount);
        all.put(RateLimit.LOGIN_ACCOUNT_TOTAL, loginAccountTotal);
        all.put(RateLimit.LOGIN_ADDRESS, loginAddress);
        all.put(RateLimit.TRACKING, tracking);
        all.put(RateLimit.REGISTRATION, registration);
        all.put(RateLimit.MAIL_REQUEST, mailRequest);
        all.put(RateLimit.BOOKING, booking);
        all.put(RateLimit.LOCATIONS, locations);
        all.put(RateLimit.WHATSAPP_SENDER, whatsappSender);
        all.put(RateLimit.API_KEY, apiKey);
        all.put(RateLimit.WEBHOOK_TEST, webhookTest);
        return all;
    }

    /** The budget as set, its unset half taken from the limit's default, refused when out of range. */
    private static Budget settled(RateLimit limit, Budget given) {
        Budget defaults = DEFAULTS.get(limit);
        Long capacity = given == null || given.capacity() == null ? defaults.capacity() : given.capacity();
        Duration period = given == null || given.period() == null ? defaults.period() : given.period();
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            String name = "waybill.rate-limits." + limit.configName();
            throw new InvalidSettingException(name, name + " needs a capacity of at least 1 and a positive "
                    + "period; it has capacity " + capacity + " and period " + period + ".",
                    "Set " + name + ".capacity to 1 or more and " + name + ".period to a positive duration "
                            + "(ISO-8601 like PT15M, or 15m), or remove them to use the defaults.");
        }
        return new Budget(capacity, period);
    }

    /** How many actions per period; either may be left out (null) when bound, for the limit's default. */
    public record Budget(Long capacity, Duration period) {
    }
}
