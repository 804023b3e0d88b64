package io.waybill.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.notifications.PushSender;
import io.waybill.notifications.RejectedByProvider;
import io.waybill.support.FakeMessagingProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FcmPushSenderTest {

    private static final FakeMessagingProvider FCM = FakeMessagingProvider.fcm();
    private final FcmPushSender sender = new FcmPushSender(JsonMapper.builder().build(), FCM.baseUrl(),
            "waybill-test", "fcm-token", Duration.ofSeconds(5));

    @AfterAll
    static void stop() {
        FCM.stop();
    }

    @Test
    void shouldSendAMessageAsFcmV1TakesIt() throws Exception {
        sender.send("device-a", "Delivered", "Shipment TRK12345678903 was delivered.", Map.of("kind", "delivered"));

        FakeMessagingProvider.Request request = FCM.to("device-a").get(0);
        assertThat(request.path()).isEqualTo("/v1/projects/waybill-test/messages:send");
        assertThat(request.authorization()).isEqualTo("Bearer fcm-token");
        JsonNode message = request.body().path("message");
        assertThat(message.path("notification").path("title").asString()).isEqualTo("Delivered");
        assertThat(message.path("notification").path("body").asString()).contains("TRK12345678903");
        assertThat(message.path("data").path("kind").asString()).isEqualTo("delivered");
    }

    @Test
    void shouldSayATokenIsDeadWhenFcmSaysUnregistered() {
        FCM.answerNext("device-gone", 1, 404, """
                {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND",
                 "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}""");

        assertThatThrownBy(() -> sender.send("device-gone", "t", "b", Map.of()))
                .isInstanceOf(PushSender.UnregisteredDevice.class).hasMessageContaining("UNREGISTERED");
    }

    @Test
    void shouldSayATokenIsDeadWhenFcmRefusesItAsAnInvalidArgument() {
        FCM.answerNext("not-a-token", 1, 400, """
                {"error":{"code":400,"message":"The registration token is not a valid FCM registration token",
                 "status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
                 "fieldViolations":[{"field":"message.token","description":"Invalid registration token"}]}]}}""");

        assertThatThrownBy(() -> sender.send("not-a-token", "t", "b", Map.of()))
                .isInstanceOf(PushSender.UnregisteredDevice.class);
    }

    @Test
    void shouldGiveUpOnAnInvalidMessageWithoutBlamingTheToken() {
        FCM.answerNext("device-b", 1, 400, """
                {"error":{"code":400,"message":"Invalid JSON payload received.","status":"INVALID_ARGUMENT",
                 "details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
                 "fieldViolations":[{"field":"message.data","description":"Invalid value"}]}]}}""");

        assertThatThrownBy(() -> sender.send("device-b", "t", "b", Map.of()))
                .isInstanceOf(RejectedByProvider.class).hasMessageContaining("INVALID_ARGUMENT");
    }

    @Test
    void shouldLeaveAnOutageOrAQuotaToBeRetried() {
        FCM.answerNext("device-c", 1, 503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}");
        FCM.answerNext("device-c", 1, 429, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\","
                + "\"details\":[{\"errorCode\":\"QUOTA_EXCEEDED\"}]}}");

        assertThatThrownBy(() -> sender.send("device-c", "t", "b", Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("UNAVAILABLE");
        assertThatThrownBy(() -> sender.send("device-c", "t", "b", Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("QUOTA_EXCEEDED");
    }
}
