package io.waybill.eventing.outbox;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.waybill.support.Api;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole server killed with SIGKILL in the middle of a stream of bookings, then started again:
 * every acknowledged booking is in the database, every booking's event reaches Kafka, and the
 * consumers count each once, even where the relay had published a batch it had not yet marked.
 */
class ProcessCrashIT {

    private static final String SECRET = "test-only-signing-secret-of-at-least-32-bytes";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldLoseAndDoubleNothingWhenTheServerIsKilledMidStream() throws Exception {
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        assumeThat(configured).as("needs a PostgreSQL server that outlives the killed process").isNotBlank();
        String url = IsolatedDatabase.properties("crash").get("spring.datasource.url");
        int port = freePort();
        Api api = new Api(port);

        Process server = start(url, port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            awaitUp(api);
            api.post("/auth/register", null, Map.of("email", "crash@example.test", "password", "crash-password"));
            String token = api.post("/auth/login", null, Map.of("email", "crash@example.test",
                    "password", "crash-password")).text("access_token");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        try {
                            Api.Response booked = api.post("/shipments", token,
                                    Map.of("source_address", "Chennai", "destination_address", "Bangalore"));
                            if (booked.status() == 201) {
                                acknowledged.add(booked.text("id"));
                            }
                        } catch (RuntimeException serverGone) {
                            return;
                        }
                    }
                });
                clients.add(client);
                client.start();
            }
            eventually(Duration.ofSeconds(30), () -> assertThat(acknowledged.size()).isGreaterThan(150));
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            for (Thread client : clients) {
                client.join(10_000);
            }
        } finally {
            server.destroyForcibly();
        }

        Process restarted = start(url, port);
        try {
            awaitUp(api);
            eventually(Duration.ofSeconds(60), () -> assertThat(count(url,
                    "select count(*) from eventing.outbox where published_at is null")).isZero());

            Set<String> stored = strings(url, "select id::text from shipments.shipments");
            assertThat(stored).as("every acknowledged booking survived").containsAll(acknowledged);

            Map<String, Integer> onTopic = new HashMap<>();
            Set<String> eventIds = new HashSet<>();
            int records = 0;
            for (ConsumerRecord<String, String> record : topic("shipment.created")) {
                String eventId = JSON.readTree(record.value()).get("event_id").asString();
                records++;
                if (eventIds.add(eventId)) {
                    onTopic.merge(record.key(), 1, Integer::sum);
                }
            }
            for (String shipment : stored) {
                assertThat(onTopic.get(shipment)).as("shipment.created of " + shipment).isEqualTo(1);
            }
            System.out.printf("ProcessCrashIT: %d acknowledged, %d stored, %d shipment.created records on "
                    + "Kafka carrying %d distinct events (%d redelivered)%n", acknowledged.size(), stored.size(),
                    records, eventIds.size(), records - eventIds.size());

            // The consumers saw every event once: the report's booking count equals the table's.
            eventually(Duration.ofSeconds(60), () -> assertThat(count(url,
                    "select coalesce(sum(booked), 0) from reporting.daily_totals"))
                    .isEqualTo(stored.size()));
            assertThat(count(url, "select count(*) from reporting.daily_status_members where status = 'created'"))
                    .isEqualTo(stored.size());
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(String url, int port) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.waybill.WaybillApplication",
                "--server.port=" + port, "--spring.datasource.url=" + url,
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.shared().bootstrapServers(),
                "--waybill.jwt.secret=" + SECRET, "--waybill.admin.email=admin@crash.test",
                "--waybill.admin.password=admin-password-for-crash",
                // The streams book as fast as they can from one account: the booking limit is not under test.
                "--waybill.rate-limits.booking.capacity=1000000");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "crash-server.log").toFile()))
                .start();
    }

    private static void awaitUp(Api api) {
        eventually(Duration.ofSeconds(90), () -> assertThat(api.get("/auth/me", null).status()).isEqualTo(401));
    }

    private static List<ConsumerRecord<String, String>> topic(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    private static long count(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> strings(String url, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
