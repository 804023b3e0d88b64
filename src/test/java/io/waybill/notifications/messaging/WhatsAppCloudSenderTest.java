package io.waybill.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.notifications.RejectedByProvider;
import io.waybill.support.FakeMessagingProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WhatsAppCloudSenderTest {

    private static final FakeMessagingProvider META = FakeMessagingProvider.whatsApp();
    private final WhatsAppCloudSender sender = new WhatsAppCloudSender(JsonMapper.builder().build(),
            META.baseUrl() + "/", "v21.0", "1055501", "meta-token", "en_US", Duration.ofSeconds(5));

    @AfterAll
    static void stop() {
        META.stop();
    }

    @Test
    void shouldSendATemplateMessageAsTheCloudApiTakesIt() throws Exception {
        sender.send("+15550100001", "waybill_delivered", List.of("Nina", "TRK12345678903"));

        FakeMessagingProvider.Request request = META.to("15550100001").get(0);
        assertThat(request.path()).isEqualTo("/v21.0/1055501/messages");
        assertThat(request.authorization()).isEqualTo("Bearer meta-token");
        JsonNode body = request.body();
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("type").asString()).isEqualTo("template");
        assertThat(body.path("template").path("name").asString()).isEqualTo("waybill_delivered");
        assertThat(body.path("template").path("language").path("code").asString()).isEqualTo("en_US");
        JsonNode component = body.path("template").path("components").get(0);
        assertThat(component.path("type").asString()).isEqualTo("body");
        assertThat(component.path("parameters").get(1).path("type").asString()).isEqualTo("text");
        assertThat(component.path("parameters").get(1).path("text").asString()).isEqualTo("TRK12345678903");
    }

    @Test
    void shouldLeaveA5xxOrA429ToBeRetried() {
        META.answerNext("15550100002", 1, 503, "{\"error\":{\"message\":\"Service unavailable\",\"code\":2}}");
        META.answerNext("15550100002", 1, 429, "{\"error\":{\"message\":\"Too many calls\",\"code\":80007}}");

        assertThatThrownBy(() -> sender.send("+15550100002", "t", List.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> sender.send("+15550100002", "t", List.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("429");
    }

    @Test
    void shouldRetryMetasThrottlingCodesThoughTheyComeAsA400() {
        META.answerNext("15550100003", 1, 400,
                "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}");

        assertThatThrownBy(() -> sender.send("+15550100003", "t", List.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("130429");
    }

    @Test
    void shouldGiveUpOnARefusalNoRetryCanChange() {
        META.answerNext("15550100004", 1, 404,
                "{\"error\":{\"message\":\"(#132001) Template name does not exist in the translation\","
                        + "\"type\":\"OAuthException\",\"code\":132001}}");

        assertThatThrownBy(() -> sender.send("+15550100004", "missing", List.of()))
                .isInstanceOf(RejectedByProvider.class).hasMessageContaining("132001")
                .hasMessageContaining("Template name does not exist");
    }
}
