package io.waybill.security.ratelimit;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The throttle's buckets live in Redis when {@code spring.data.redis.url} is set (several instances
 * then share the budgets), in this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    Throttle throttle(RateLimitProperties properties, BudgetStore budgets, MeterRegistry meters,
            TenantBudgets tenantBudgets) {
        BudgetStore fallback = budgets instanceof InMemoryBuckets ? null : new InMemoryBuckets();
        Map<RateLimit, Counter> refusals = new EnumMap<>(RateLimit.class);
        for (RateLimit limit : RateLimit.values()) {
            refusals.put(limit, Counter.builder("waybill.rate.limit.refusals")
                    .description("Requests refused because a rate limit's budget was spent, by limit")
                    .tag("limit", limit.configName()).register(meters));
        }
        return new BudgetThrottle(budgets, fallback, properties.byLimit(), limit -> refusals.get(limit).increment(),
                tenantBudgets::budget);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.data.redis.url:}' != ''")
    static class InRedis {

        @Bean(destroyMethod = "shutdown")
        // Spring's own setting (spring.data.redis.url), read as it is rather than through a record of ours.
        RedisClient rateLimitRedisClient(@Value("${spring.data.redis.url}") String url) {
            log.info("Rate limits are kept in Redis");
            return RedisClient.create(url);
        }

        @Bean
        RedisBudgets redisBudgets(RedisClient rateLimitRedisClient, RateLimitProperties properties) {
            return new RedisBudgets(rateLimitRedisClient, properties.redisKeyPrefix(), properties.redisTimeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.data.redis.url:}' == ''")
    static class InMemory {

        @Bean
        InMemoryBuckets inMemoryBuckets() {
            return new InMemoryBuckets();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.data.redis.url:}' == ''")
    static class InMemoryHousekeeping {

        private final InMemoryBuckets buckets;

        InMemoryHousekeeping(InMemoryBuckets buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
        void evictFullBuckets() {
            buckets.evictFull();
        }
    }
}
