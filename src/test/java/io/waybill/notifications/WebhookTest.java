package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a subscription may be, decided by the domain type alone: no Spring, no DNS. */
class WebhookTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final String SECRET = "whsec_test";

    /** A policy that fails the test if anything asks DNS: the subscription's checks need none. */
    private final WebhookUrlPolicy urls = new WebhookUrlPolicy(false, host -> {
        throw new AssertionError("subscribing looked up " + host);
    });
    private final Caller customer = new Caller(UUID.randomUUID(), Role.CUSTOMER);
    private final Caller admin = new Caller(UUID.randomUUID(), Role.ADMIN);

    private Webhook subscribe(Caller owner, String url, List<String> events) {
        return Webhook.subscribe(owner, url, events, urls, SECRET, NOW);
    }

    private InvalidRequestException refusal(Caller owner, String url, List<String> events) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> subscribe(owner, url, events));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    @Test
    void shouldSubscribeAnActiveWebhookForItsOwner() {
        Webhook webhook = subscribe(customer, "https://hooks.example.com/waybill",
                List.of("shipment.created", "shipment.delivered"));

        assertThat(webhook.id()).isNotNull();
        assertThat(webhook.ownerId()).isEqualTo(customer.userId());
        assertThat(webhook.url()).isEqualTo("https://hooks.example.com/waybill");
        assertThat(webhook.events()).containsExactly("shipment.created", "shipment.delivered");
        assertThat(webhook.secret()).isEqualTo(SECRET);
        assertThat(webhook.active()).isTrue();
        assertThat(webhook.createdAt()).isEqualTo(NOW);
        assertThat(webhook.disabledAt()).isNull();
        assertThat(webhook.disabledReason()).isNull();
    }

    @Test
    void shouldKeepAnEventTypeNamedTwiceOnceInTheOrderGiven() {
        Webhook webhook = subscribe(admin, "https://hooks.example.com/waybill", List.of("shipment.delivered",
                "shipment.assigned", "shipment.delivered", "shipment.assigned"));

        assertThat(webhook.events()).containsExactly("shipment.delivered", "shipment.assigned");
    }

    @Test
    void shouldGiveEachSubscriptionItsOwnId() {
        assertThat(subscribe(customer, "https://a.example.com", List.of("shipment.created")).id())
                .isNotEqualTo(subscribe(customer, "https://a.example.com", List.of("shipment.created")).id());
    }

    @Test
    void shouldLetAnAdminSubscribeToAssignments() {
        assertThat(subscribe(admin, "https://hooks.example.com", List.of("shipment.assigned")).events())
                .containsExactly("shipment.assigned");
    }

    @Test
    void shouldRefuseAnAgentWhoHasNoWebhooks() {
        Caller agent = new Caller(UUID.randomUUID(), Role.AGENT);

        assertThatThrownBy(() -> subscribe(agent, "https://hooks.example.com", List.of("shipment.created")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldRefuseAUrlLongerThan2000Characters() {
        String longest = "https://hooks.example.com/" + "x".repeat(2000 - "https://hooks.example.com/".length());

        InvalidRequestException refused = refusal(customer, longest + "x", List.of("shipment.created"));

        assertThat(refused.field()).isEqualTo("url");
        assertThat(refused.getMessage()).contains("2000");
        assertThat(subscribe(customer, longest, List.of("shipment.created")).url()).hasSize(2000);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "ftp://hooks.example.com/x", "hooks.example.com/x", "https:///x",
            "https://user:pass@hooks.example.com/x", "https://hooks example.com/x", "javascript:alert(1)"})
    void shouldRefuseAUrlOfTheWrongFormWithoutAskingDns(String url) {
        InvalidRequestException refused = refusal(customer, url, List.of("shipment.created"));

        assertThat(refused.field()).isEqualTo("url");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRefuseASubscriptionToNoEventType(List<String> events) {
        InvalidRequestException refused = refusal(customer, "https://hooks.example.com", events);

        assertThat(refused.field()).isEqualTo("events");
        assertThat(refused.getMessage()).contains("at least one");
    }

    @Test
    void shouldRefuseACustomerSubscriptionToAssignments() {
        InvalidRequestException refused = refusal(customer, "https://hooks.example.com",
                List.of("shipment.created", "shipment.assigned"));

        assertThat(refused.field()).isEqualTo("events");
        assertThat(refused.getMessage()).doesNotContain("shipment.assigned");
    }

    /** A JSON null among the event types is a client's mistake like any other, not a server error. */
    @Test
    void shouldRefuseAnEventTypeThatDoesNotExist() {
        for (List<String> events : Arrays.asList(List.of("user.created"), List.of("SHIPMENT.CREATED"),
                Arrays.asList("shipment.created", null))) {
            InvalidRequestException refused = refusal(admin, "https://hooks.example.com", events);

            assertThat(refused.field()).as(String.valueOf(events)).isEqualTo("events");
        }
    }
}
