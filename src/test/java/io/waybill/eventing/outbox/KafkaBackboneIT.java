package io.waybill.eventing.outbox;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event backbone on a real Kafka broker: the relay publishes each change's event once to its
 * topic, the modules consume from Kafka in their own groups, a redelivered event changes nothing,
 * and writes go on while the broker is down, their events arriving once it is back.
 */
@DirtiesContext
class KafkaBackboneIT extends ApiTest {

    private static final List<String> TOPICS = List.of("user.created", "shipment.created", "shipment.assigned",
            "shipment.status.updated", "shipment.delivered");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        IsolatedDatabase.register(registry, "kafka");
    }

    @Test
    void shouldPublishEveryEventTypeToItsTopicOncePerChange() {
        String admin = admin().token();
        String city = "Kafka" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + UUID.randomUUID(), "city", city));
        Account customer = customer();
        Account agent = agent();
        String id = api.post("/shipments", customer.token(),
                Map.of("source_address", "1 Road, " + city, "destination_address", "Bangalore")).text("id");
        assign(id, agent);
        for (String[] step : new String[][] {{"picked_up", "A"}, {"in_transit", "B"}, {"in_transit", "C"},
                {"out_for_delivery", "D"}, {"delivered", "E"}}) {
            assertThat(move(id, agent, step[0], step[1]).status()).isBetween(200, 201);
        }

        eventually(Duration.ofSeconds(30), () -> {
            Map<String, List<JsonNode>> byTopic = read(id);
            assertThat(byTopic.get("shipment.created")).hasSize(1);
            assertThat(byTopic.get("shipment.assigned")).hasSize(2);
            assertThat(byTopic.get("shipment.status.updated")).hasSize(5);
            assertThat(byTopic.get("shipment.delivered")).hasSize(1);
        });
        Map<String, List<JsonNode>> byTopic = read(id);
        JsonNode created = byTopic.get("shipment.created").get(0);
        assertThat(created.get("type").asString()).isEqualTo("shipment.created");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.hasNonNull("event_id")).isTrue();
        assertThat(created.hasNonNull("occurred_at")).isTrue();
        assertThat(created.get("payload").get("shipment_id").asString()).isEqualTo(id);
        List<Integer> sequences = new ArrayList<>();
        byTopic.get("shipment.status.updated").forEach(event -> sequences.add(event.get("payload").get("sequence").asInt()));
        assertThat(sequences).as("one shipment's events stay in order").containsExactly(1, 2, 3, 4, 5);
        assertThat(read(customer.id().toString()).get("user.created")).hasSize(1);
        assertThat(byTopic.get("shipment.assigned")).as("hub routing and agent assignment share a topic, not a type")
                .extracting(event -> event.get("type").asString())
                .containsExactlyInAnyOrder("shipment.hub_assigned", "shipment.agent_assigned");

        // The modules consumed them from Kafka: the hub was routed, the public page and the report moved.
        eventually(Duration.ofSeconds(30), () -> {
            assertThat(api.get("/shipments/" + id, customer.token()).text("hub_id")).isNotNull();
            assertThat(api.get("/track/" + api.get("/shipments/" + id, customer.token()).text("tracking_number"), null)
                    .text("status")).isEqualTo("delivered");
        });
    }

    @Test
    void shouldCountARedeliveredEventOnce() throws Exception {
        Account customer = customer();
        String id = book(customer).text("id");
        eventually(Duration.ofSeconds(30), () -> assertThat(read(id).get("shipment.created")).hasSize(1));
        awaitGroupCaughtUp("waybill.reporting", "shipment.created");
        long before = api.get("/admin/reports", admin().token()).body().get("total_shipments_today").asLong();

        ConsumerRecord<String, String> original = records(id).stream()
                .filter(record -> record.topic().equals("shipment.created")).findFirst().orElseThrow();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("shipment.created", original.key(), original.value()));
            producer.send(new ProducerRecord<>("shipment.created", original.key(), original.value()));
            producer.flush();
        }
        awaitGroupCaughtUp("waybill.reporting", "shipment.created");

        assertThat(api.get("/admin/reports", admin().token()).body().get("total_shipments_today").asLong())
                .as("the same shipment.created delivered three times is counted once").isEqualTo(before);
        String next = book(customer).text("id");
        eventually(Duration.ofSeconds(30), () -> assertThat(api.get("/admin/reports", admin().token()).body()
                .get("total_shipments_today").asLong()).isEqualTo(before + 1));
        assertThat(next).isNotEqualTo(id);
    }

    /** Waits until a consumer group has committed offsets at the end of every partition of a topic. */
    private static void awaitGroupCaughtUp(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            eventually(Duration.ofSeconds(30), () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    ends.forEach((partition, end) -> {
                        OffsetAndMetadata done = committed.get(partition);
                        assertThat(done == null ? 0 : done.offset()).as(partition.toString()).isEqualTo(end.offset());
                    });
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void shouldKeepAcceptingWritesWhileTheBrokerIsDownAndDeliverTheirEventsAfterwards() {
        Account customer = customer();
        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(book(customer).text("id"));
            }
            assertThat(api.delete("/shipments/" + ids.get(0), customer.token()).status()).isEqualTo(200);
        } finally {
            broker.start();
        }

        eventually(Duration.ofSeconds(60), () -> {
            for (String id : ids) {
                assertThat(read(id).get("shipment.created")).as(id).hasSize(1);
            }
            assertThat(read(ids.get(0)).get("shipment.status.updated")).hasSize(1);
        });
    }

    /** Every event on the five topics whose key is this id, by topic. */
    private static Map<String, List<JsonNode>> read(String key) {
        Map<String, List<JsonNode>> byTopic = new HashMap<>();
        TOPICS.forEach(topic -> byTopic.put(topic, new ArrayList<>()));
        Set<String> eventIds = new HashSet<>();
        for (ConsumerRecord<String, String> record : records(key)) {
            JsonNode envelope = JSON.readTree(record.value());
            if (eventIds.add(envelope.get("event_id").asString())) {
                byTopic.get(record.topic()).add(envelope);
            }
        }
        return byTopic;
    }

    private static List<ConsumerRecord<String, String>> records(String key) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

}
