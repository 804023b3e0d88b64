package io.waybill.eventing.outbox;

import io.waybill.kernel.InvalidSettingException;
import io.waybill.kernel.Services;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Without Kafka, the outbox table is the log: relaying a batch only stamps positions, and the
 * in-process consumers read the rows by position, each group from its own offset.
 */
@Component
@Conditional(KafkaMode.Off.class)
class InProcessTransport implements EventTransport {

    /**
     * The outbox log is one database's: a process that runs only some modules (a split deployment,
     * each service on its own database) would never hear the others' events, nor they its own.
     */
    InProcessTransport(Services services) {
        if (!services.isAll()) {
            throw new InvalidSettingException("spring.kafka.bootstrap-servers", "waybill.services (WAYBILL_SERVICES) "
                    + "is " + services + ", not all, and no Kafka is configured: the modules that run elsewhere "
                    + "would never receive this process's events, nor it theirs.",
                    "Set SPRING_KAFKA_BOOTSTRAP_SERVERS to the Kafka brokers every service uses, or set "
                            + "WAYBILL_SERVICES=all to run every module in this process.");
        }
    }

    @Override
    public void publish(List<OutboxRecord> batch) {
        // The rows are the messages: the relay's position stamp is their publication.
    }

    @Override
    public String name() {
        return "the in-process outbox log";
    }
}
