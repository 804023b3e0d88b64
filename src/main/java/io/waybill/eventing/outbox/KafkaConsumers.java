package io.waybill.eventing.outbox;

import io.waybill.eventing.EventHandler;
import io.waybill.kernel.BackgroundWork;
import io.waybill.kernel.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One Kafka consumer group per module's handler ({@code waybill.<group>}). A record's effects and
 * its receipt commit in one database transaction before the offset is committed; a failing record
 * is retried with backoff, so its partition keeps its order, and each failed attempt is counted:
 * after {@code waybill.events.park-after} of them the record is parked as a
 * {@link DeadLetters dead letter} and its offset committed, so the partition goes on.
 */
@Component
@Conditional(KafkaMode.On.class)
class KafkaConsumers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private volatile boolean running;

    KafkaConsumers(List<EventHandler> handlers, ConsumerFactory<String, String> consumers,
            TransactionTemplate transaction, EventDelivery delivery, EventEnvelopes envelopes, DeadLetters deadLetters) {
        for (EventHandler handler : handlers) {
            ContainerProperties properties = new ContainerProperties(handler.topics().toArray(String[]::new));
            properties.setGroupId("waybill." + handler.group());
            properties.setAckMode(ContainerProperties.AckMode.RECORD);
            properties.getKafkaConsumerProperties().setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.setMessageListener((MessageListener<String, String>) (ConsumerRecord<String, String> record) -> {
                // The event is handled, and parked when it fails, as its tenant's work: the transaction's
                // connection is set to that tenant (row-level security), bound before it is checked out.
                TenantContext.runAs(envelopes.tenantOf(record.value()), () -> BackgroundWork.run(() -> {
                    try {
                        transaction.executeWithoutResult(status ->
                                delivery.deliver(handler, envelopes.read(record.topic(), record.key(), record.value())));
                    } catch (RuntimeException failure) {
                        if (!deadLetters.failed(handler.group(), envelopes.eventIdOf(record.value()), record.topic(),
                                record.key(), String.valueOf(record.value()), failure)) {
                            throw failure;
                        }
                    }
                }));
            });
            ConcurrentMessageListenerContainer<String, String> container =
                    new ConcurrentMessageListenerContainer<>(consumers, properties);
            ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
            backOff.setMaxInterval(5_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            container.setBeanName("kafka-consumer-" + handler.group());
            containers.add(container);
        }
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

}
