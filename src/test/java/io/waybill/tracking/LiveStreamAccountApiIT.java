package io.waybill.tracking;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A live stream is held to its account: deleting the account ends its streams at once (not at the
 * next heartbeat, nor when the token expires); and the access token a socket carries in its query
 * string never reaches the log, even when the client drops mid-subscribe.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveStreamAccountApiIT extends ApiTest {

    @Test
    void shouldCloseTheStreamsOfADeletedAccountWithinSeconds() {
        Account customer = customer();
        String id = book(customer).text("id");
        try (LiveClients.Socket socket = LiveClients.socket(port(), "?access_token=" + customer.token())
                .awaitSubscribed();
                LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                        customer.token())) {
            eventually(() -> assertThat(stream.events).hasSize(1));

            assertThat(api.delete("/admin/users/" + customer.id(), admin().token()).status()).isEqualTo(204);

            assertThat(socket.closed.orTimeout(5, TimeUnit.SECONDS).join()).startsWith("1008")
                    .contains("account was deleted");
            stream.ended.orTimeout(5, TimeUnit.SECONDS).join();
            assertThat(stream.lastEvent().get("type").asString()).isEqualTo("stream.closed");
            assertThat(stream.lastEvent().get("reason").asString()).contains("account was deleted");
        }
    }

    @Test
    void shouldNeverLogTheAccessTokenOfASocketThatDrops(CapturedOutput output) throws Exception {
        Account customer = customer();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        // At DEBUG Spring names every session by its URI: the strictest place to look for the token.
        logging.setLogLevel("org.springframework.web.socket", LogLevel.DEBUG);
        try {
            for (int i = 0; i < 10; i++) {
                // Dropped at once: the server may still be subscribing it (sending "subscribed").
                LiveClients.socket(port(), "?access_token=" + customer.token()).close();
            }
            try (LiveClients.Socket socket = LiveClients.socket(port(), "?access_token=" + customer.token())
                    .awaitSubscribed()) {
                book(customer);
                eventually(() -> assertThat(socket.messages).hasSizeGreaterThan(1));
            }
            Thread.sleep(500);
        } finally {
            logging.setLogLevel("org.springframework.web.socket", null);
        }
        assertThat(output.getAll()).as("the server logged the socket's session").contains("/ws/shipments");
        assertThat(output.getAll()).doesNotContain(customer.token())
                .doesNotContain("Closing session due to exception");
    }
}
