package io.waybill.eventing.outbox;

import io.waybill.eventing.EventHandler;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics the consumers read, with the configured partitions and replication. */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaMode.On.class)
class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics waybillTopics(List<EventHandler> handlers, EventsProperties properties) {
        int partitions = properties.kafka().partitions();
        short replication = properties.kafka().replication();
        TreeSet<String> topics = new TreeSet<>();
        handlers.forEach(handler -> topics.addAll(handler.topics()));
        return new KafkaAdmin.NewTopics(topics.stream()
                .map(topic -> new NewTopic(topic, partitions, replication))
                .toArray(NewTopic[]::new));
    }
}
