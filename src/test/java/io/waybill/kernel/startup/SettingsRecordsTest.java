package io.waybill.kernel.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.delivery.config.DeliveryProperties;
import io.waybill.identity.config.IdentityProperties;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.kernel.InvalidSettingException;
import io.waybill.kernel.PlatformProperties;
import io.waybill.eventing.outbox.EventsProperties;
import io.waybill.mail.relay.OutgoingMailProperties;
import io.waybill.security.idempotency.IdempotencyProperties;
import io.waybill.security.ratelimit.RateLimitProperties;
import io.waybill.security.ratelimit.RateLimitProperties.Budget;
import io.waybill.shipments.config.PublicLinkProperties;
import io.waybill.tracking.config.TrackingProperties;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.unit.DataSize;

/**
 * Each module's settings record binds the same property names to the same defaults as the
 * {@code @Value}s it replaced, so a renamed property or a changed default fails here; and a value
 * Waybill cannot run with stops start-up with the setting's name and what to do.
 */
class SettingsRecordsTest {

    @EnableConfigurationProperties({PlatformProperties.class, EventsProperties.class, OutgoingMailProperties.class,
            RateLimitProperties.class, IdentityProperties.class, TrackingProperties.class,
            NotificationsProperties.class, PublicLinkProperties.class, IdempotencyProperties.class,
            DeliveryProperties.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(AllSettings.class);

    @Test
    void shouldBindTodaysDefaultsFromAnEmptyEnvironment() {
        runner.run(this::assertDefaults);
    }

    /** application.properties repeats some defaults for the reader: it must not disagree with the code. */
    @Test
    void shouldBindTheSameDefaultsWithApplicationProperties() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        List<String> pairs = new ArrayList<>();
        shipped.stringPropertyNames().stream().filter(name -> name.startsWith("waybill."))
                .forEach(name -> pairs.add(name + "=" + shipped.getProperty(name)));
        assertThat(pairs).isNotEmpty();

        runner.withPropertyValues(pairs.toArray(String[]::new)).run(this::assertDefaults);
    }

    private void assertDefaults(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        assertThat(context.getBean(PlatformProperties.class)).isEqualTo(new PlatformProperties("./data",
                DataSize.ofMegabytes(1), new PlatformProperties.Cors(List.of()), new PlatformProperties.Jwt(""),
                new PlatformProperties.Health(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new PlatformProperties.Metrics(Duration.ofSeconds(5))));
        assertThat(context.getBean(EventsProperties.class)).isEqualTo(new EventsProperties(Duration.ofDays(7),
                Duration.ofHours(1), new EventsProperties.Relay(true, 500, Duration.ofMillis(250)),
                new EventsProperties.Kafka(6, (short) 1), 10, Duration.ofMillis(20)));
        assertThat(context.getBean(OutgoingMailProperties.class)).isEqualTo(new OutgoingMailProperties(
                "Waybill <no-reply@waybill.local>", Duration.ofSeconds(30), 8, Duration.ofMinutes(2), 4,
                Duration.ofSeconds(10)));
        assertThat(context.getBean(RateLimitProperties.class)).isEqualTo(new RateLimitProperties(
                new Budget(5L, Duration.ofMinutes(15)), new Budget(50L, Duration.ofMinutes(15)),
                new Budget(50L, Duration.ofMinutes(15)), new Budget(60L, Duration.ofMinutes(1)),
                new Budget(20L, Duration.ofHours(1)), new Budget(10L, Duration.ofHours(1)),
                new Budget(60L, Duration.ofMinutes(1)), new Budget(120L, Duration.ofMinutes(1)),
                new Budget(10L, Duration.ofMinutes(1)), new Budget(600L, Duration.ofMinutes(1)),
                new Budget(1L, Duration.ofSeconds(10)), "waybill:rate-limit:",
                Duration.ofMillis(250)));
        assertThat(context.getBean(IdentityProperties.class)).isEqualTo(new IdentityProperties(
                new IdentityProperties.Jwt(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(90)),
                new IdentityProperties.Admin("", ""), new IdentityProperties.ApiKeys(10, Duration.ofDays(730), 6000),
                new IdentityProperties.Admin("", "")));
        assertThat(context.getBean(TrackingProperties.class)).isEqualTo(new TrackingProperties(
                new TrackingProperties.Cache(100_000, Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new TrackingProperties.Live(256, Duration.ofSeconds(20), Duration.ofHours(1), 20, 10, 10_000, 8,
                        "waybill:live:shipments")));
        assertThat(context.getBean(IdempotencyProperties.class)).isEqualTo(new IdempotencyProperties(
                Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofMinutes(10)));
        assertThat(context.getBean(DeliveryProperties.class)).isEqualTo(new DeliveryProperties(
                new DeliveryProperties.Locations(Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofHours(1),
                        Duration.ofDays(30), Duration.ofMinutes(15), 5000, Duration.ofHours(24), 1000)));
        assertThat(context.getBean(NotificationsProperties.class)).isEqualTo(new NotificationsProperties(
                new NotificationsProperties.Notifications(Duration.ofSeconds(30), 10, Duration.ofMinutes(2), 8,
                        Duration.ofSeconds(5), Duration.ofHours(6)),
                new NotificationsProperties.Webhooks(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(1),
                        Duration.ofSeconds(5), 16, Duration.ofSeconds(5), 10, false),
                new NotificationsProperties.Sms(Duration.ofSeconds(10),
                        new NotificationsProperties.Twilio("", "", "", "")),
                new NotificationsProperties.WhatsApp("", "v21.0", "", "", "", "", "en", Duration.ofSeconds(10)),
                new NotificationsProperties.Push(Duration.ofSeconds(10), 10,
                        new NotificationsProperties.Fcm("", "", ""))));
        assertThat(context.getBean(PublicLinkProperties.class))
                .isEqualTo(new PublicLinkProperties("http://localhost:8080"));
    }

    @Test
    void shouldBindEachSettingByItsDocumentedName() {
        runner.withPropertyValues("waybill.data-dir=/srv/waybill", "waybill.max-request-size=2MB",
                "waybill.cors.allowed-origins=https://a.example, https://b.example", "waybill.jwt.secret=s3cret",
                "waybill.jwt.access-token-ttl=PT3S", "waybill.admin.email=root@example.test",
                "waybill.rate-limits.tracking.capacity=2", "waybill.rate-limits.booking.period=PT2M",
                "waybill.live.max-streams-per-address=3", "waybill.tracking.cache-size=5",
                "waybill.webhooks.retry-for=PT6S", "waybill.webhooks.allow-private-addresses=true",
                "waybill.notifications.max-event-age=PT1H", "waybill.sms.twilio.base-url=http://127.0.0.1:1",
                "waybill.sms.twilio.account-sid=AC1", "waybill.sms.twilio.auth-token=t",
                "waybill.sms.twilio.from=+15550000000", "waybill.events.relay.enabled=false",
                "waybill.events.kafka.replication=3", "waybill.mail.max-attempts=2", "waybill.metrics.refresh=PT0.5S",
                "waybill.public-base-url=https://track.example.com/",
                "waybill.tracking.public-max-age=PT9S", "waybill.idempotency.retention=PT48H",
                "waybill.idempotency.lease=PT30S")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PlatformProperties platform = context.getBean(PlatformProperties.class);
                    assertThat(platform.dataDir()).isEqualTo("/srv/waybill");
                    assertThat(platform.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(platform.cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
                    assertThat(platform.jwt().secret()).isEqualTo("s3cret");
                    assertThat(platform.jwt().toString()).doesNotContain("s3cret");
                    assertThat(platform.metrics().refresh()).isEqualTo(Duration.ofMillis(500));
                    IdentityProperties identity = context.getBean(IdentityProperties.class);
                    assertThat(identity.jwt().accessTokenTtl()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(identity.admin().email()).isEqualTo("root@example.test");
                    RateLimitProperties limits = context.getBean(RateLimitProperties.class);
                    assertThat(limits.tracking()).isEqualTo(new Budget(2L, Duration.ofMinutes(1)));
                    assertThat(limits.booking()).isEqualTo(new Budget(60L, Duration.ofMinutes(2)));
                    TrackingProperties tracking = context.getBean(TrackingProperties.class);
                    assertThat(tracking.live().maxStreamsPerAddress()).isEqualTo(3);
                    assertThat(tracking.tracking().cacheSize()).isEqualTo(5);
                    assertThat(tracking.tracking().publicMaxAge()).isEqualTo(Duration.ofSeconds(9));
                    IdempotencyProperties idempotency = context.getBean(IdempotencyProperties.class);
                    assertThat(idempotency.retention()).isEqualTo(Duration.ofHours(48));
                    assertThat(idempotency.lease()).isEqualTo(Duration.ofSeconds(30));
                    NotificationsProperties notifications = context.getBean(NotificationsProperties.class);
                    assertThat(notifications.webhooks().retryFor()).isEqualTo(Duration.ofSeconds(6));
                    assertThat(notifications.webhooks().allowPrivateAddresses()).isTrue();
                    assertThat(notifications.notifications().maxEventAge()).isEqualTo(Duration.ofHours(1));
                    assertThat(notifications.sms().twilio().enabled()).isTrue();
                    assertThat(notifications.sms().twilio().toString()).doesNotContain("auth-token=t,");
                    EventsProperties events = context.getBean(EventsProperties.class);
                    assertThat(events.relay().enabled()).isFalse();
                    assertThat(events.kafka().replication()).isEqualTo((short) 3);
                    assertThat(context.getBean(OutgoingMailProperties.class).maxAttempts()).isEqualTo(2);
                    assertThat(context.getBean(PublicLinkProperties.class).publicBaseUrl())
                            .isEqualTo("https://track.example.com");
                });
    }

    /** The pollers' schedules read their interval by placeholder: its default must be the record's. */
    @Test
    void shouldScheduleThePollersWithTheRecordsDefaults() throws ReflectiveOperationException {
        assertThat(scheduleOf("io.waybill.mail.relay.MailRelay", "poll"))
                .isEqualTo("${waybill.mail.poll-interval:PT10S}");
        assertThat(scheduleOf("io.waybill.eventing.outbox.OutboxJanitor", "clean"))
                .isEqualTo("${waybill.events.cleanup-interval:PT1H}");
        assertThat(scheduleOf("io.waybill.notifications.NotificationDispatcher", "poll"))
                .isEqualTo("${waybill.notifications.poll-interval:PT5S}");
        assertThat(scheduleOf("io.waybill.notifications.WebhookDispatcher", "poll"))
                .isEqualTo("${waybill.webhooks.poll-interval:PT5S}");
    }

    private static String scheduleOf(String type, String method) throws ReflectiveOperationException {
        return Class.forName(type).getDeclaredMethod(method).getAnnotation(Scheduled.class).fixedDelayString();
    }

    @Test
    void shouldRefuseAWebhookLimitBelowOneWithTheSettingsName() {
        assertRefused("waybill.webhooks.max-per-owner=0", failure -> {
            assertThat(failure.setting()).isEqualTo("waybill.webhooks.max-per-owner");
            assertThat(failure.getMessage()).isEqualTo("waybill.webhooks.max-per-owner must be at least 1; it is 0.");
            FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo("Waybill cannot start with its setting "
                    + "waybill.webhooks.max-per-owner: waybill.webhooks.max-per-owner must be at least 1; it is 0.");
            assertThat(analysis.getAction()).isEqualTo("Set waybill.webhooks.max-per-owner to 1 or more, or remove "
                    + "it to use the default.");
        });
    }

    @Test
    void shouldRefuseDurationsThatAreNotPositive() {
        assertRefused("waybill.live.heartbeat=PT0S", failure -> assertThat(failure.getMessage())
                .isEqualTo("waybill.live.heartbeat must be a positive duration; it is PT0S."));
        assertRefused("waybill.jwt.access-token-ttl=-PT1M", failure -> assertThat(failure.setting())
                .isEqualTo("waybill.jwt.access-token-ttl"));
        assertRefused("waybill.notifications.retry-delay=0s", failure -> assertThat(failure.setting())
                .isEqualTo("waybill.notifications.retry-delay"));
        assertRefused("waybill.events.relay.idle-poll=PT0S", failure -> assertThat(failure.setting())
                .isEqualTo("waybill.events.relay.idle-poll"));
    }

    @Test
    void shouldRefuseCountsBelowOne() {
        assertRefused("waybill.mail.concurrency=0", failure -> assertThat(failure.setting())
                .isEqualTo("waybill.mail.concurrency"));
        assertRefused("waybill.tracking.cache-size=0", failure -> assertThat(failure.setting())
                .isEqualTo("waybill.tracking.cache-size"));
        assertRefused("waybill.events.kafka.partitions=0", failure -> assertThat(failure.setting())
                .isEqualTo("waybill.events.kafka.partitions"));
        assertRefused("waybill.rate-limits.booking.capacity=0", failure -> assertThat(failure.getMessage())
                .startsWith("waybill.rate-limits.booking needs a capacity of at least 1"));
    }

    @Test
    void shouldRefuseAPublicBaseUrlThatIsNoWebAddress() {
        for (String bad : new String[] {"track.example.com", "ftp://track.example.com", "https://", "",
            "https://track.example.com/?x=1"}) {
            assertRefused("waybill.public-base-url=" + bad, failure -> {
                assertThat(failure.setting()).isEqualTo("waybill.public-base-url");
                assertThat(failure.action()).contains("https://track.example.com");
            });
        }
    }

    @Test
    void shouldRefuseTwilioWithoutItsCredentials() {
        assertRefused("waybill.sms.twilio.base-url=http://127.0.0.1:1", failure -> assertThat(failure.getMessage())
                .contains("account-sid, auth-token and from"));
    }

    private void assertRefused(String setting, Consumer<InvalidSettingException> check) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof InvalidSettingException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("an InvalidSettingException behind " + NestedExceptionUtils.getMostSpecificCause(
                    context.getStartupFailure())).isInstanceOf(InvalidSettingException.class);
            check.accept((InvalidSettingException) cause);
        });
    }
}
