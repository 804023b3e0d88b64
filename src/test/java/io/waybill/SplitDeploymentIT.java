package io.waybill;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.waybill.support.Api;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.KafkaBroker;
import io.waybill.support.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's services as separate processes: the built jar started once per service
 * ({@code WAYBILL_SERVICES}), each with a database of its own, talking only through a Kafka broker.
 * The narrative runs across them: register (and verify the address), book, routed to a hub, an agent
 * assigned, carried to another hub in a bag (line haul, in the shipments service's process), out for
 * delivery (the customer sees the agent's position, reported to the delivery service), delivered; the
 * public page shows it, the report counts it, the customer's email arrives; the customer rates the
 * delivery and opens a ticket on the care service, and is mailed the answer.
 * Then the reporting
 * service is stopped for 30 seconds while bookings go on, and once restarted its report catches up
 * with every booking counted once.
 */
class SplitDeploymentIT {

    private static final String SECRET = "test-only-signing-secret-of-at-least-32-bytes";
    private static final String ADMIN_EMAIL = "admin@split.test";
    private static final String ADMIN_PASSWORD = "admin-password-for-split";
    private static final String PASSWORD = "correct-horse-battery";
    private static final List<String> SERVICES = List.of("identity", "shipments", "network", "tracking", "reporting",
            "notifications", "delivery", "care");
    /** Line haul depends on the shipments module, so it runs in the shipments service's process. */
    private static final Map<String, String> MODULES = Map.of("shipments", "shipments,linehaul");

    private static KafkaBroker kafka;
    private static final Map<String, Service> running = new LinkedHashMap<>();

    /** One service's process, its ports and its database. */
    private record Service(String name, int port, int managementPort, String databaseUrl, Process process) {

        Api api() {
            return new Api(port);
        }
    }

    @BeforeAll
    static void startTheServices() throws IOException {
        assumeThat(System.getenv("SPRING_DATASOURCE_URL")).as("needs a PostgreSQL server for a database per service")
                .isNotBlank();
        kafka = KafkaBroker.dedicated();
        for (String name : SERVICES) {
            String url = IsolatedDatabase.properties("split_" + name).get("spring.datasource.url");
            running.put(name, start(name, freePort(), freePort(), url));
        }
        for (Service service : running.values()) {
            awaitReady(service);
        }
    }

    @AfterAll
    static void stopTheServices() {
        running.values().forEach(service -> service.process().destroy());
        running.values().forEach(service -> waitFor(service.process()));
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void shouldCarryAShipmentAcrossTheServicesAndCatchUpAfterAnOutage() throws Exception {
        Api identity = running.get("identity").api();
        Api shipments = running.get("shipments").api();
        String admin = login(identity, ADMIN_EMAIL, ADMIN_PASSWORD).get("access_token").asString();
        String city = "Split" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response hub = running.get("network").api().post("/admin/hubs", admin,
                Map.of("hub_name", "Hub of " + city, "city", city));
        assertThat(hub.status()).as(hub.toString()).isEqualTo(201);
        String hubId = hub.text("id");
        Api.Response destination = running.get("network").api().post("/admin/hubs", admin,
                Map.of("hub_name", "Hub of Bangalore " + city, "city", "Bangalore" + city));
        assertThat(destination.status()).as(destination.toString()).isEqualTo(201);

        String customerEmail = Api.uniqueEmail("split-customer");
        assertThat(identity.post("/auth/register", null, Map.of("email", customerEmail, "password", PASSWORD,
                "full_name", "Asha")).status()).isEqualTo(201);
        String customer = login(identity, customerEmail, PASSWORD).get("access_token").asString();
        // Shipment emails go to verified addresses only; notifications learns of it through user.updated.
        assertThat(identity.post("/auth/verify-email", null, Map.of("token", Mailbox.tokenIn(customerEmail, 1)))
                .status()).isEqualTo(204);
        String agentEmail = Api.uniqueEmail("split-agent");
        assertThat(identity.post("/auth/register", admin, Map.of("email", agentEmail, "password", PASSWORD,
                "full_name", "Ravi", "role", "agent")).status()).isEqualTo(201);
        JsonNode agentLogin = login(identity, agentEmail, PASSWORD);
        String agent = agentLogin.get("access_token").asString();
        String agentId = agentLogin.get("user_id").asString();

        Api.Response booked = shipments.post("/shipments", customer,
                Map.of("source_address", city, "destination_address", "Bangalore", "recipient_name", "Kiran"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        String number = booked.text("tracking_number");

        // Routed by the network service, which learnt of the booking through Kafka.
        eventually(Duration.ofSeconds(60), () -> assertThat(shipments.get("/shipments/" + id, admin).text("hub_id"))
                .isEqualTo(hubId));
        // The shipments service learns of the new agent through user.created.
        eventually(Duration.ofSeconds(60), () -> assertThat(shipments.put("/shipments/" + id + "/assign-agent", admin,
                Map.of("agent_id", agentId)).status()).isEqualTo(200));
        assertThat(shipments.put("/shipments/" + id + "/status", agent, Map.of("status", "picked_up", "location", city))
                .status()).isEqualTo(200);
        // Line haul: a bag from the routed hub to the other one (the shipments service learnt of both hubs
        // through Kafka), sealed, dispatched, arrived and opened: three entries on the shipment.
        String[] bag = new String[1];
        eventually(Duration.ofSeconds(60), () -> {
            Api.Response opened = shipments.post("/bags", admin, Map.of("origin_hub_id", hubId,
                    "destination_hub_id", destination.text("id")));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            bag[0] = opened.text("code");
        });
        assertThat(shipments.post("/bags/" + bag[0] + "/shipments", admin, Map.of("shipment_ids", List.of(id)))
                .status()).isEqualTo(200);
        assertThat(shipments.post("/bags/" + bag[0] + "/seal", admin, Map.of()).status()).isEqualTo(200);
        for (String event : List.of("dispatched", "arrived", "opened")) {
            Api.Response scanned = shipments.post("/bags/" + bag[0] + "/scans", admin, Map.of("event", event));
            assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        }
        Api.Response out = shipments.put("/shipments/" + id + "/status", agent,
                Map.of("status", "out_for_delivery", "location", city));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        // The agent's phone reports to the delivery service; the customer sees the agent on the
        // shipments service, which learnt of the position through Kafka (the delivery service learnt
        // of the agent's account the same way).
        eventually(Duration.ofSeconds(60), () -> {
            Api.Response pinged = running.get("delivery").api().post("/agents/me/locations", agent,
                    Map.of("points", List.of(Map.of("lat", 12.9716, "lon", 77.5946, "accuracy_m", 9,
                            "recorded_at", Instant.now().toString()))));
            assertThat(pinged.status()).as(pinged.toString()).isEqualTo(200);
            assertThat(pinged.body().get("accepted").size()).isEqualTo(1);
        });
        eventually(Duration.ofSeconds(60), () -> assertThat(shipments.get("/shipments/" + id, customer).body()
                .get("agent_location").get("lat").asDouble()).isEqualTo(12.9716));
        Api.Response delivered = shipments.post("/shipments/" + id + "/proof-of-delivery", agent,
                io.waybill.support.Proofs.signature(city));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
        assertThat(shipments.get("/shipments/" + id, customer).body().get("agent_location").isNull()).isTrue();

        Api tracking = running.get("tracking").api();
        eventually(Duration.ofSeconds(60), () -> {
            Api.Response page = tracking.get("/track/" + number, null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.text("status")).isEqualTo("delivered");
            assertThat(page.body().get("events").size()).isEqualTo(7);
        });
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode report = running.get("reporting").api().get("/admin/reports", admin).body();
            assertThat(report.get("total_shipments_today").asLong()).isEqualTo(1);
            assertThat(report.get("delivered").asLong()).isEqualTo(1);
        });
        eventually(Duration.ofSeconds(60), () -> assertThat(subjectsTo(customerEmail))
                .anySatisfy(subject -> assertThat(subject).containsIgnoringCase("delivered")));

        // The care service learnt of the shipment and its delivery through Kafka: the customer opens a
        // ticket about it, an admin answers (the customer is mailed by the notifications service),
        // the customer rates the delivery, and the reporting service counts the agent's rating.
        Api care = running.get("care").api();
        eventually(Duration.ofSeconds(60), () -> assertThat(care.post("/shipments/" + id + "/feedback", customer,
                Map.of("rating", 5)).status()).isEqualTo(201));
        Api.Response ticket = care.post("/tickets", customer, Map.of("shipment_id", id, "category", "damage",
                "message", "The corner is dented"));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        assertThat(care.post("/tickets/" + ticket.text("id") + "/messages", admin, Map.of("message", "Sorry!"))
                .status()).isEqualTo(201);
        eventually(Duration.ofSeconds(60), () -> assertThat(subjectsTo(customerEmail))
                .anySatisfy(subject -> assertThat(subject).containsIgnoringCase("support ticket")));
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode report = running.get("reporting").api().get("/admin/reports", admin).body();
            assertThat(report.get("agent_ratings").get(0).get("agent_id").asString()).isEqualTo(agentId);
            assertThat(report.get("support").get("first_responses").asLong()).isEqualTo(1);
        });

        // The reporting service goes away for 30 s while customers go on booking.
        Service reporting = running.get("reporting");
        reporting.process().destroy();
        waitFor(reporting.process());
        int during = 0;
        Instant back = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(back)) {
            Api.Response another = shipments.post("/shipments", customer,
                    Map.of("source_address", city, "destination_address", "Mysore"));
            assertThat(another.status()).as(another.toString()).isEqualTo(201);
            during++;
            Thread.sleep(500);
        }
        Service restarted = start("reporting", reporting.port(), reporting.managementPort(), reporting.databaseUrl());
        running.put("reporting", restarted);
        awaitReady(restarted);

        long expected = 1 + during;
        eventually(Duration.ofSeconds(90), () -> {
            JsonNode report = restarted.api().get("/admin/reports", admin).body();
            assertThat(report.get("total_shipments_today").asLong()).isEqualTo(expected);
        });
        // Caught up, and it stays there: nothing is counted twice once the backlog is through.
        Thread.sleep(3_000);
        JsonNode settled = restarted.api().get("/admin/reports", admin).body();
        assertThat(settled.get("total_shipments_today").asLong()).isEqualTo(expected);
        assertThat(settled.get("delivered").asLong()).isEqualTo(1);
        System.out.printf("SplitDeploymentIT: %d bookings while reporting was down, report counts %d%n", during,
                settled.get("total_shipments_today").asLong());
    }

    private static JsonNode login(Api identity, String email, String password) {
        Api.Response response = identity.post("/auth/login", null, Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> subjectsTo(String address) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : Mailbox.to(address)) {
            try {
                subjects.add(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    private static Service start(String name, int port, int managementPort, String url) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--waybill.services=" + MODULES.getOrDefault(name, name),
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + url,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--waybill.jwt.secret=" + SECRET, "--waybill.admin.email=" + ADMIN_EMAIL,
                "--waybill.admin.password=" + ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Mailbox.port(),
                "--waybill.mail.poll-interval=PT1S");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "split-" + name + ".log").toFile()))
                .start();
        return new Service(name, port, managementPort, url, process);
    }

    private static void awaitReady(Service service) {
        Api management = new Api(service.managementPort());
        eventually(Duration.ofSeconds(180), () -> {
            assertThat(service.process().isAlive()).as(service.name() + " exited; see target/split-" + service.name()
                    + ".log").isTrue();
            assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        });
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("waybill-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No built jar in target/: run ./mvnw verify"));
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
