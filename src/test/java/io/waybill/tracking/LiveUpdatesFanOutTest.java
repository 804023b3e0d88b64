package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.Caller;
import io.waybill.security.AccountLookup;
import io.waybill.security.ApiKeyLookup;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The fan-out without a server: a stuck client is dropped and never holds up the others; heartbeats flow. */
class LiveUpdatesFanOutTest {

    private final Map<UUID, Role> accounts = new ConcurrentHashMap<>();
    private final AccountLookup lookup = new AccountLookup() {
        @Override
        public Optional<ActiveAccount> active(UUID id) {
            return Optional.ofNullable(accounts.get(id)).map(role -> new ActiveAccount(role, null));
        }

        @Override
        public Optional<ActiveAccount> activeForToken(UUID id, Role claimedRole) {
            return active(id);
        }
    };
    /** The keys still accepted, each with the tenant it belongs to: read in another tenant, a key is not found. */
    private final Map<UUID, UUID> acceptedKeys = new ConcurrentHashMap<>();
    private final ApiKeyLookup keys = new ApiKeyLookup() {
        @Override
        public Optional<Grant> callerFor(String apiKey, Instant now) {
            return Optional.empty();
        }

        @Override
        public boolean stillAccepts(UUID keyId, Instant now) {
            return TenantContext.current().equals(Optional.ofNullable(acceptedKeys.get(keyId)));
        }
    };
    private final LiveUpdates live = new LiveUpdates(null, lookup, keys,
            Clock.systemUTC(), new LiveUpdates.Limits(16, Duration.ofMillis(100), Duration.ofHours(1), 100, 100, 1000,
                    2));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        live.destroy();
    }

    @Test
    void shouldDropAStuckClientWithoutHoldingUpTheOthers() throws Exception {
        Caller admin = account(Role.ADMIN);
        Recording stuck = new Recording(release);
        Recording healthy = new Recording(null);
        live.connect(stuck, live.everythingVisibleTo(admin), "127.0.0.1");
        live.connect(healthy, live.everythingVisibleTo(admin), "127.0.0.1");

        long slowest = 0;
        for (int i = 0; i < 100; i++) {
            long started = System.nanoTime();
            live.fanOut(update(i));
            slowest = Math.max(slowest, System.nanoTime() - started);
            Thread.sleep(2);
        }
        assertThat(slowest / 1_000_000).as("fan-out never waits for a client").isLessThan(200);

        eventually(() -> assertThat(healthy.sent).hasSize(100));
        assertThat(stuck.dropped).isNotNull().contains("too slow");
        assertThat(stuck.isClosed()).isTrue();
        eventually(() -> assertThat(live.connected()).isEqualTo(1));
    }

    @Test
    void shouldEndAStreamAtTheHeartbeatAfterItsApiKeyIsNoLongerAccepted() throws Exception {
        Caller agent = account(Role.AGENT);
        UUID key = UUID.randomUUID();
        UUID otherKey = UUID.randomUUID();
        acceptedKeys.put(key, TenantContext.DEFAULT);
        acceptedKeys.put(otherKey, TenantContext.DEFAULT);
        Recording withKey = new Recording(null);
        Recording withOtherKey = new Recording(null);
        live.connect(withKey, live.everythingVisibleTo(agent).heldByApiKey(key), "127.0.0.1");
        live.connect(withOtherKey, live.everythingVisibleTo(agent).heldByApiKey(otherKey), "127.0.0.1");
        eventually(() -> assertThat(withKey.heartbeats).isGreaterThanOrEqualTo(2));

        acceptedKeys.remove(key);

        eventually(() -> assertThat(withKey.dropped).isEqualTo("the API key was revoked or has expired"));
        assertThat(withOtherKey.dropped).isNull();
        eventually(() -> assertThat(live.connected()).isEqualTo(1));
    }

    @Test
    void shouldReadAStreamsApiKeyInItsCallersTenantOnly() throws Exception {
        UUID tenant = UUID.randomUUID();
        Caller agent = new Caller(UUID.randomUUID(), Role.AGENT, tenant);
        accounts.put(agent.userId(), Role.AGENT);
        UUID key = UUID.randomUUID();
        acceptedKeys.put(key, TenantContext.DEFAULT);
        Recording client = new Recording(null);
        live.connect(client, live.everythingVisibleTo(agent).heldByApiKey(key), "127.0.0.1");

        eventually(() -> assertThat(client.dropped).as("a key of another tenant is no key of this stream")
                .isEqualTo("the API key was revoked or has expired"));
    }

    @Test
    void shouldEndAtOnceTheStreamsOfARevokedKeyOnly() throws Exception {
        Caller agent = account(Role.AGENT);
        UUID key = UUID.randomUUID();
        acceptedKeys.put(key, TenantContext.DEFAULT);
        Recording withKey = new Recording(null);
        Recording withToken = new Recording(null);
        live.connect(withKey, live.everythingVisibleTo(agent).heldByApiKey(key), "127.0.0.1");
        live.connect(withToken, live.everythingVisibleTo(agent), "127.0.0.1");

        live.closeStreamsOfKey(key);

        assertThat(withKey.dropped).isEqualTo("the API key was revoked or has expired");
        assertThat(withToken.dropped).isNull();
        assertThat(live.connected()).isEqualTo(1);
    }

    @Test
    void shouldSendOnlyWhatTheCallerMaySeeAndHeartbeats() throws Exception {
        Caller customer = account(Role.CUSTOMER);
        Recording client = new Recording(null);
        live.connect(client, live.everythingVisibleTo(customer), "127.0.0.1");
        live.fanOut(update(1));
        live.fanOut(new LiveUpdate(UUID.randomUUID(), "TRK1", customer.userId(), null, 0, null, "created", null,
                Instant.now()).of(TenantContext.DEFAULT));
        eventually(() -> assertThat(client.sent).hasSize(1));
        eventually(() -> assertThat(client.heartbeats).isGreaterThanOrEqualTo(2));
        assertThat(client.sent.get(0)).containsEntry("tracking_number", "TRK1");
    }

    @Test
    void shouldSendNothingOfOneTenantToAnotherTenantsAccountsNorWhatNamesNoTenant() throws Exception {
        Caller admin = account(Role.ADMIN);
        UUID otherTenant = UUID.randomUUID();
        Caller otherAdmin = new Caller(UUID.randomUUID(), Role.ADMIN, otherTenant);
        accounts.put(otherAdmin.userId(), Role.ADMIN);
        Recording own = new Recording(null);
        Recording other = new Recording(null);
        live.connect(own, live.everythingVisibleTo(admin), "127.0.0.1");
        live.connect(other, live.everythingVisibleTo(otherAdmin), "127.0.0.1");

        live.fanOut(update(1));
        live.fanOut(new LiveUpdate(UUID.randomUUID(), "TRK2", UUID.randomUUID(), null, 0, null, "created", null,
                Instant.now()));
        live.fanOut(new LiveUpdate(UUID.randomUUID(), "TRK3", UUID.randomUUID(), null, 0, null, "created", null,
                Instant.now()).of(otherTenant));

        eventually(() -> assertThat(own.sent).extracting(message -> message.get("tracking_number"))
                .containsExactly("TRK1"));
        eventually(() -> assertThat(other.sent).extracting(message -> message.get("tracking_number"))
                .containsExactly("TRK3"));
    }

    @Test
    void shouldWriteWithABoundedNumberOfThreadsWhateverTheNumberOfClients() throws Exception {
        Caller admin = account(Role.ADMIN);
        List<Recording> stuck = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Recording client = new Recording(release);
            live.connect(client, live.everythingVisibleTo(admin), "127.0.0." + i);
            stuck.add(client);
        }
        live.fanOut(update(1));
        Thread.sleep(300);
        // Each thread that writes is stuck in one client's send: the threads writing are the clients inside.
        Set<Thread> writing = new java.util.HashSet<>();
        stuck.forEach(client -> writing.addAll(client.inside));
        assertThat(writing).as("two sender threads, however many clients wait").hasSizeBetween(1, 2);
        release.countDown();
        eventually(() -> assertThat(stuck).allMatch(client -> client.sent.size() == 1));
    }

    @Test
    void shouldPushAnAgentsPositionToTheAccountsOfTheShipmentOnly() throws Exception {
        Caller customer = account(Role.CUSTOMER);
        Caller stranger = account(Role.CUSTOMER);
        Caller agent = account(Role.AGENT);
        Recording own = new Recording(null);
        Recording other = new Recording(null);
        Recording agents = new Recording(null);
        live.connect(own, live.everythingVisibleTo(customer), "127.0.0.1");
        live.connect(other, live.everythingVisibleTo(stranger), "127.0.0.1");
        live.connect(agents, live.everythingVisibleTo(agent), "127.0.0.1");
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        TrackedShipment shipment = new TrackedShipment(UUID.randomUUID(), "TRK48213095572", customer.userId(),
                agent.userId(), List.of(new TrackedShipment.Entry(0, "created", null, at),
                        new TrackedShipment.Entry(1, "out_for_delivery", "Bangalore", at)));

        live.fanOut(LiveUpdate.agentLocation(shipment, new LiveUpdate.Position(12.97, 77.59, 8.5, at),
                TenantContext.DEFAULT));
        live.fanOut(new LiveUpdate(UUID.randomUUID(), "TRK1", stranger.userId(), null, 0, null, "created", null, at)
                .of(TenantContext.DEFAULT));

        eventually(() -> assertThat(own.sent).singleElement().satisfies(message -> {
            assertThat(message.get("type")).isEqualTo("agent.location");
            assertThat(message.get("shipment_id")).isEqualTo(shipment.shipmentId().toString());
            assertThat(message.get("sequence")).isEqualTo(1);
            assertThat(message.get("lat")).isEqualTo(12.97);
            assertThat(message.get("accuracy_m")).isEqualTo(8.5);
            assertThat(message.get("recorded_at")).isEqualTo("2026-11-23T10:00:00Z");
        }));
        eventually(() -> assertThat(agents.sent).hasSize(1));
        eventually(() -> assertThat(other.sent).singleElement()
                .satisfies(message -> assertThat(message.get("type")).isEqualTo("shipment.status")));
    }

    @Test
    void shouldCarryAnAgentsPositionThroughJsonAsTheRedisFeedDoes() {
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        TrackedShipment shipment = new TrackedShipment(UUID.randomUUID(), "TRK48213095572", UUID.randomUUID(),
                UUID.randomUUID(), List.of(new TrackedShipment.Entry(0, "created", null, at)));
        LiveUpdate position = LiveUpdate.agentLocation(shipment, new LiveUpdate.Position(12.97, 77.59, null, at),
                UUID.randomUUID());
        LiveUpdate entry = update(3);

        assertThat(json.readValue(json.writeValueAsString(position), LiveUpdate.class)).isEqualTo(position);
        assertThat(json.readValue(json.writeValueAsString(entry), LiveUpdate.class)).isEqualTo(entry);
    }

    private Caller account(Role role) {
        Caller caller = new Caller(UUID.randomUUID(), role);
        accounts.put(caller.userId(), role);
        return caller;
    }

    private static LiveUpdate update(int sequence) {
        return new LiveUpdate(UUID.randomUUID(), "TRK" + sequence, UUID.randomUUID(), null, sequence, null,
                "in_transit", "Somewhere", Instant.now()).of(TenantContext.DEFAULT);
    }

    private static final class Recording extends LiveClient {

        final List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch blockUntil;
        volatile int heartbeats;
        volatile String dropped;

        Recording(CountDownLatch blockUntil) {
            this.blockUntil = blockUntil;
        }

        final Set<Thread> inside = ConcurrentHashMap.newKeySet();

        @Override
        protected void send(Map<String, Object> message) throws Exception {
            inside.add(Thread.currentThread());
            try {
                if (blockUntil != null) {
                    blockUntil.await();
                }
                sent.add(message);
            } finally {
                inside.remove(Thread.currentThread());
            }
        }

        @Override
        protected void heartbeat() {
            heartbeats++;
        }

        @Override
        protected void complete() {
        }

        @Override
        protected void disconnect(String reason) {
            dropped = reason;
        }
    }
}
