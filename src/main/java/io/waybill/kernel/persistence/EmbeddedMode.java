package io.waybill.kernel.persistence;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default is in force when no database is configured. Only then may the server make up
 * secrets of its own (persisted in the data directory); with a real database they must be given.
 */
public final class EmbeddedMode {

    private EmbeddedMode() {
    }

    public static boolean isOn(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    static final class Condition implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isOn(context.getEnvironment());
        }
    }
}
