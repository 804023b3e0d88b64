package io.waybill.kernel;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Redis is used when {@code spring.data.redis.url} (SPRING_DATA_REDIS_URL) is set; in-process stand-ins otherwise. */
public final class RedisMode {

    private RedisMode() {
    }

    static boolean isOn(ConditionContext context) {
        String url = context.getEnvironment().getProperty("spring.data.redis.url");
        return url != null && !url.isBlank();
    }

    public static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isOn(context);
        }
    }

    public static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isOn(context);
        }
    }
}
