package io.waybill.eventing.outbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Events go through Kafka when {@code spring.kafka.bootstrap-servers} is set, in-process otherwise. */
final class KafkaMode {

    private KafkaMode() {
    }

    static boolean isOn(ConditionContext context) {
        String servers = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
        return servers != null && !servers.isBlank();
    }

    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isOn(context);
        }
    }

    static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isOn(context);
        }
    }
}
