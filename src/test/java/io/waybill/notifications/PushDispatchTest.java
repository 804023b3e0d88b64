package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.support.NoTransactions;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.transaction.support.TransactionTemplate;

/** A push notification goes to each of the user's devices; what the provider answers for each decides the rest. */
class PushDispatchTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID USER = UUID.randomUUID();

    private final InMemoryDevices devices = new InMemoryDevices();
    /** What the provider answers per token: nothing (taken), or the exception it throws. */
    private final Map<String, Exception> answers = new HashMap<>();
    private final List<String> reached = new ArrayList<>();
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(null, null, null, null, null,
            new OutboundChannels(null, (token, title, body, data) -> {
                Exception answer = answers.get(token);
                if (answer != null) {
                    throw answer;
                }
                reached.add(token);
            }), devices, new TransactionTemplate(new NoTransactions()), Clock.fixed(NOW, ZoneOffset.UTC),
            new Binder().bindOrCreate("waybill", NotificationsProperties.class), new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        dispatcher.destroy();
    }

    @Test
    void shouldForgetADeadTokenAndCountTheOthers() throws Exception {
        devices.add("alive");
        devices.add("dead");
        answers.put("dead", new PushSender.UnregisteredDevice("UNREGISTERED"));

        dispatcher.send(push());

        assertThat(reached).containsExactly("alive");
        assertThat(devices.tokens()).containsExactly("alive");
    }

    @Test
    void shouldCancelWhenNoDeviceIsLeft() {
        devices.add("dead");
        answers.put("dead", new PushSender.UnregisteredDevice("UNREGISTERED"));

        assertThatThrownBy(() -> dispatcher.send(push())).isInstanceOf(NotificationDispatcher.NotSent.class)
                .hasMessageContaining("no registered device");
        assertThat(devices.tokens()).isEmpty();
    }

    @Test
    void shouldRetryWhenNoDeviceTookItAndOneMayLater() {
        devices.add("busy");
        devices.add("dead");
        answers.put("busy", new IOException("FCM answered 503"));
        answers.put("dead", new PushSender.UnregisteredDevice("UNREGISTERED"));

        assertThatThrownBy(() -> dispatcher.send(push())).isInstanceOf(IOException.class);
        assertThat(devices.tokens()).containsExactly("busy");
    }

    @Test
    void shouldCountItSentOnceADeviceTookItRatherThanNotifyThatDeviceTwice() throws Exception {
        devices.add("alive");
        devices.add("busy");
        answers.put("busy", new IOException("FCM answered 503"));

        dispatcher.send(push());

        assertThat(reached).containsExactly("alive");
    }

    @Test
    void shouldGiveUpWhenTheProviderRefusesTheMessageItself() {
        devices.add("any");
        answers.put("any", new RejectedByProvider("FCM answered 400 (INVALID_ARGUMENT)"));

        assertThatThrownBy(() -> dispatcher.send(push())).isInstanceOf(RejectedByProvider.class);
        assertThat(devices.tokens()).containsExactly("any");
    }

    @Test
    void shouldRetryWhenOneDeviceRefusedItAndAnotherMayTakeItLater() {
        devices.add("refusing");
        devices.add("busy");
        answers.put("refusing", new RejectedByProvider("FCM answered 403 (PERMISSION_DENIED)"));
        answers.put("busy", new IOException("FCM answered 503"));

        assertThatThrownBy(() -> dispatcher.send(push())).isInstanceOf(IOException.class);
    }

    private static Notification push() {
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), USER, Channel.PUSH, "delivered",
                USER.toString(), "Delivered", "Shipment TRK12345678903 was delivered.", Notification.PENDING, 0, NOW,
                null);
    }

    /** The user's devices, in memory. */
    private static final class InMemoryDevices implements Devices {

        private final List<Device> stored = new ArrayList<>();

        void add(String token) {
            stored.add(Device.register(USER, token, "android", NOW));
        }

        List<String> tokens() {
            return stored.stream().map(Device::token).toList();
        }

        @Override
        public Registration register(Device device) {
            stored.add(device);
            return new Registration(device, true);
        }

        @Override
        public List<Device> ofUser(UUID userId) {
            return stored.stream().filter(device -> device.userId().equals(userId)).toList();
        }

        @Override
        public int countLockingUser(UUID userId) {
            return ofUser(userId).size();
        }

        @Override
        public boolean hasAny(UUID userId) {
            return !ofUser(userId).isEmpty();
        }

        @Override
        public Optional<Device> find(UUID id) {
            return stored.stream().filter(device -> device.id().equals(id)).findFirst();
        }

        @Override
        public void remove(UUID id) {
            stored.removeIf(device -> device.id().equals(id));
        }

        @Override
        public void forgetUser(UUID userId) {
            stored.removeIf(device -> device.userId().equals(userId));
        }

        @Override
        public void removeToken(String token) {
            stored.removeIf(device -> device.token().equals(token));
        }
    }
}
