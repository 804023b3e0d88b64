package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.support.WebhookReceiver;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender connects where the policy looked: it resolves a webhook's host once per attempt,
 * through the policy, and connects to exactly that answer while the request still names the host.
 * The only server is a receiver on 127.0.0.1, and the names used exist only in the tests' resolver,
 * so nothing here can leave the machine.
 */
class HttpComponentsWebhookSenderTest {

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final int port = URI.create(receiver.url("/")).getPort();

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void shouldConnectToTheAddressThePolicyResolvedAndKeepTheHostName() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookUrlPolicy closedNetwork = new WebhookUrlPolicy(true, host -> {
            lookups.incrementAndGet();
            assertThat(host).isEqualTo("hooks.example.test");
            return List.of(InetAddress.getByName("127.0.0.1"));
        });
        try (HttpComponentsWebhookSender sender = new HttpComponentsWebhookSender(closedNetwork, Duration.ofSeconds(2))) {
            String url = "http://hooks.example.test:" + port + "/pinned";
            assertThat(sender.post(url, Map.of("X-Waybill-Event-Id", "e1"), "{\"a\":1}")).isEqualTo(200);
            assertThat(sender.post(url, Map.of("X-Waybill-Event-Id", "e2"), "{\"a\":2}")).isEqualTo(200);
        }
        assertThat(receiver.at("/pinned")).hasSize(2);
        assertThat(receiver.at("/pinned").get(0).headers().get("host")).isEqualTo("hooks.example.test:" + port);
        assertThat(receiver.at("/pinned").get(0).body()).isEqualTo("{\"a\":1}");
        assertThat(receiver.at("/pinned").get(0).headers().get("content-type")).startsWith("application/json");
        assertThat(lookups).as("one resolution per attempt, no connection kept").hasValue(2);
    }

    @Test
    void shouldNotConnectWhenTheAnswerAtSendingTimeIsPrivateThoughItWasPublicAtTheCheck() throws Exception {
        Deque<List<InetAddress>> answers = new ArrayDeque<>(List.of(
                List.of(InetAddress.getByName("8.8.8.8")), List.of(InetAddress.getByName("127.0.0.1"))));
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, host -> answers.pop());
        String url = "http://rebinding.example.test:" + port + "/rebound";
        assertThat(policy.refusal(url)).as("the check at registration sees a public address").isEmpty();

        try (HttpComponentsWebhookSender sender = new HttpComponentsWebhookSender(policy, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> sender.post(url, Map.of(), "{}"))
                    .isInstanceOf(WebhookUrlPolicy.RefusedAddressException.class).hasMessageContaining("loopback");
        }
        assertThat(answers).isEmpty();
        assertThat(receiver.deliveries).isEmpty();
    }

    @Test
    void shouldRefuseAnAddressLiteralThePolicyRefuses() throws Exception {
        try (HttpComponentsWebhookSender sender = new HttpComponentsWebhookSender(new WebhookUrlPolicy(false),
                Duration.ofSeconds(2))) {
            for (String host : List.of("127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "[::127.0.0.1]")) {
                assertThatThrownBy(() -> sender.post("http://" + host + ":" + port + "/literal", Map.of(), "{}"))
                        .as(host).isInstanceOf(WebhookUrlPolicy.RefusedAddressException.class);
            }
        }
        assertThat(receiver.deliveries).isEmpty();
    }

    @Test
    void shouldNotFollowRedirects() throws Exception {
        receiver.alwaysAnswer("/moved", 307);
        try (HttpComponentsWebhookSender sender = new HttpComponentsWebhookSender(new WebhookUrlPolicy(true),
                Duration.ofSeconds(2))) {
            assertThat(sender.post(receiver.url("/moved"), Map.of(), "{}")).isEqualTo(307);
        }
        assertThat(receiver.deliveries).hasSize(1);
    }
}
