package io.waybill.kernel.startup;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Spring Boot's Redis and Kafka auto-configuration when that client is not configured:
 * without {@code spring.data.redis.url} every use of Redis has an in-process stand-in, and without
 * {@code spring.kafka.bootstrap-servers} events stay in-process, yet Boot would still build a
 * Lettuce client (Netty's classes and resources), Redis templates and Kafka factories that nothing
 * uses, at every start. The same settings switch {@code RedisMode} and {@code KafkaMode}.
 */
public final class UnconfiguredClientsFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String REDIS = "org.springframework.boot.data.redis.autoconfigure.";
    private static final String KAFKA = "org.springframework.boot.kafka.autoconfigure.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean redis = configured("spring.data.redis.url");
        boolean kafka = configured("spring.kafka.bootstrap-servers");
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = name == null
                    || (redis || !name.startsWith(REDIS)) && (kafka || !name.startsWith(KAFKA));
        }
        return matches;
    }

    private boolean configured(String property) {
        String value = environment == null ? null : environment.getProperty(property);
        return value != null && !value.isBlank();
    }
}
