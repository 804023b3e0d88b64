package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.support.NoTransactions;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatchers count in the application's own meter registry, not in Micrometer's global one:
 * two applications in one JVM (the tests start several) keep their counts apart.
 */
class DispatcherMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final NotificationsProperties properties = new Binder().bindOrCreate("waybill", NotificationsProperties.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SimpleMeterRegistry global = new SimpleMeterRegistry();
    private final TransactionTemplate transaction = new TransactionTemplate(new NoTransactions());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void watchTheGlobalRegistry() {
        Metrics.addRegistry(global);
    }

    @AfterEach
    void stopWatching() {
        Metrics.removeRegistry(global);
    }

    @Test
    void shouldCountASentNotificationInTheApplicationsRegistry() {
        NotificationDispatcher dispatcher = new NotificationDispatcher(nothing(NotificationStore.class),
                nothing(Recipients.class), new NotificationTemplates(), (to, subject, text) -> { },
                nothing(SmsSender.class), new OutboundChannels(null, null), nothing(Devices.class), transaction,
                clock, properties, meters);
        try {
            Notification sent = new Notification(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    Channel.EMAIL, "delivered", "asha@example.test", "Delivered", "Your parcel arrived.",
                    Notification.PENDING, 0, NOW, null);
            dispatcher.record(sent, NOW, sent, null);
        } finally {
            dispatcher.destroy();
        }

        assertThat(meters.counter("waybill.notifications", "channel", "email", "result", "sent").count()).isEqualTo(1);
        assertThat(global.find("waybill.notifications").counters()).isEmpty();
    }

    @Test
    void shouldCountADeliveredWebhookInTheApplicationsRegistry() throws Exception {
        WebhookDispatcher dispatcher = new WebhookDispatcher(nothing(WebhookStore.class), null, null,
                (to, subject, text) -> { }, transaction, clock, new WebhookUrlPolicy(false), properties, meters);
        try {
            dispatcher.record(new WebhookDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    "shipment.delivered", "{}", "pending", 0, NOW, NOW, null, null, null), NOW, 204, null);
        } finally {
            dispatcher.destroy();
        }

        assertThat(meters.counter("waybill.webhook.deliveries", "result", "delivered").count()).isEqualTo(1);
        assertThat(global.find("waybill.webhook.deliveries").counters()).isEmpty();
    }

    /** A store that records nothing and finds nothing: only the counting is under test. */
    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> method.getReturnType() == Optional.class ? Optional.empty() : null);
    }
}
