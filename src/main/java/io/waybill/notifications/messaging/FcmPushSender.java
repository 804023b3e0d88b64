package io.waybill.notifications.messaging;

import io.waybill.notifications.PushSender;
import io.waybill.notifications.RejectedByProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Firebase Cloud Messaging HTTP v1: {@code POST {base}/v1/projects/{project}/messages:send} with a
 * Bearer access token and {@code {message: {token, notification: {title, body}, data}}}. FCM says a
 * token is dead with 404 {@code UNREGISTERED}, 403 {@code SENDER_ID_MISMATCH} (another project's
 * token) or 400 {@code INVALID_ARGUMENT} about the token: the device is then unregistered. 429 and
 * 5xx are retried; any other 4xx is a {@link RejectedByProvider}.
 */
final class FcmPushSender implements PushSender {

    private final BearerJsonClient client;
    private final URI endpoint;

    FcmPushSender(JsonMapper json, String baseUrl, String projectId, String accessToken, Duration timeout) {
        this.client = new BearerJsonClient(json, accessToken, timeout);
        this.endpoint = URI.create(BearerJsonClient.trimmedBase(baseUrl) + "/v1/projects/" + projectId
                + "/messages:send");
    }

    @Override
    public void send(String deviceToken, String title, String body, Map<String, String> data) throws Exception {
        Map<String, Object> message = Map.of("message", Map.of("token", deviceToken,
                "notification", Map.of("title", title, "body", body), "data", data));
        BearerJsonClient.Answer answer = client.post(endpoint, message);
        if (answer.isSuccess()) {
            return;
        }
        JsonNode error = answer.body().path("error");
        String code = errorCode(error);
        String reason = "FCM answered " + answer.status() + " (" + code + "): "
                + WhatsAppCloudSender.shortened(error.path("message").asString(""));
        if (answer.isTransient()) {
            throw new IOException(reason);
        }
        if (answer.status() == 404 || "UNREGISTERED".equals(code) || "SENDER_ID_MISMATCH".equals(code)
                || ("INVALID_ARGUMENT".equals(code) && mentionsToken(error))) {
            throw new UnregisteredDevice(reason);
        }
        throw new RejectedByProvider(reason);
    }

    /** The FcmError's errorCode in {@code details} when there is one, else the general status. */
    private static String errorCode(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.has("errorCode")) {
                return detail.path("errorCode").asString();
            }
        }
        return error.path("status").asString("UNKNOWN");
    }

    /** Whether an INVALID_ARGUMENT is about the token (a field violation on message.token), not the message. */
    private static boolean mentionsToken(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode violation : detail.path("fieldViolations")) {
                if (violation.path("field").asString("").endsWith("token")) {
                    return true;
                }
            }
        }
        return error.path("message").asString("").toLowerCase(java.util.Locale.ROOT).contains("registration token");
    }
}
