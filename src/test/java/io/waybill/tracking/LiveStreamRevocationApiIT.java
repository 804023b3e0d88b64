package io.waybill.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.LiveClients;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A stream opened with an access token ends when its owner revokes their tokens (logout
 * everywhere), at the next heartbeat, long before the token would have expired.
 */
@TestPropertySource(properties = "waybill.live.heartbeat=PT1S")
class LiveStreamRevocationApiIT extends ApiTest {

    @Test
    void shouldEndTheStreamsOfTokensRevokedByLogoutEverywhere() {
        Account customer = customer();
        String id = book(customer).text("id");
        try (LiveClients.Socket socket = LiveClients.socket(port(), "?access_token=" + customer.token())
                .awaitSubscribed();
                LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                        customer.token())) {
            assertThat(stream.status).isEqualTo(200);

            assertThat(api.post("/auth/logout-all", customer.token(), null).status()).isEqualTo(204);

            assertThat(socket.closed.orTimeout(10, TimeUnit.SECONDS).join()).startsWith("1008")
                    .contains("revoked");
            stream.ended.orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(stream.lastEvent().get("type").asString()).isEqualTo("stream.closed");
            assertThat(stream.lastEvent().get("reason").asString()).contains("revoked");
        }
    }
}
