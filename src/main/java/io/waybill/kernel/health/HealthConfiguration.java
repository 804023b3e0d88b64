package io.waybill.kernel.health;

import io.waybill.kernel.PlatformProperties;
import io.waybill.kernel.RedisMode;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The dependencies readiness reports on ({@code /actuator/health/readiness} on the management
 * port): PostgreSQL always, Redis and Kafka when they are configured. Each check
 * answers within {@code waybill.health.timeout} (2 s), so that an unreachable dependency takes the
 * instance out of rotation within a few seconds.
 * <p>
 * The pool's own connection timeout stays as it is (Hikari's 30 s): a request would rather wait
 * out a short blip than fail, while the probe must not wait at all. Bounding the probe instead of
 * the pool keeps both.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    private final Duration timeout;
    private final Duration cacheFor;
    private final Duration kafkaCacheFor;

    HealthConfiguration(PlatformProperties properties) {
        this.timeout = properties.health().timeout();
        this.cacheFor = properties.health().cacheFor();
        this.kafkaCacheFor = properties.health().kafkaCacheFor();
    }

    /** Named "db" like Boot's own (switched off): a connection from the pool, validated within the timeout. */
    @Bean(destroyMethod = "close")
    BoundedIndicator dbHealthIndicator(DataSource dataSource) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        return new BoundedIndicator(new BoundedCheck("PostgreSQL", timeout, cacheFor, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(seconds) ? Health.up().withDetail("database", "PostgreSQL").build()
                        : Health.down().withDetail("error", "the connection did not validate").build();
            }
        }));
    }

    @Bean(destroyMethod = "close")
    @Conditional(RedisMode.On.class)
    BoundedIndicator redisHealthIndicator(RedisConnectionFactory redis) {
        DataRedisHealthIndicator ping = new DataRedisHealthIndicator(redis);
        return new BoundedIndicator(new BoundedCheck("Redis", timeout, cacheFor, ping::health));
    }

    /**
     * Boot has no Kafka check: asks the cluster to describe itself, within the timeout. Its answer is
     * kept a few seconds, since it costs the broker a request.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}' != ''")
    BoundedIndicator kafkaHealthIndicator(KafkaAdmin kafka) {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        AdminClient admin = AdminClient.create(config);
        BoundedCheck check = new BoundedCheck("Kafka", timeout, kafkaCacheFor, () -> {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("nodes", nodes).build();
        });
        return new BoundedIndicator(check) {
            @Override
            public void close() {
                super.close();
                admin.close(Duration.ofSeconds(1));
            }
        };
    }

    static class BoundedIndicator implements HealthIndicator, AutoCloseable {

        private final BoundedCheck check;

        BoundedIndicator(BoundedCheck check) {
            this.check = check;
        }

        @Override
        public Health health() {
            return check.health();
        }

        @Override
        public void close() {
            check.close();
        }
    }
}
