package io.waybill.notifications.messaging;

import io.waybill.notifications.RejectedByProvider;
import io.waybill.notifications.WhatsAppSender;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's WhatsApp Cloud API: {@code POST {base}/{version}/{phone_number_id}/messages} with the
 * system user's Bearer token and a template message
 * {@code {messaging_product: "whatsapp", to, type: "template", template: {name, language: {code},
 * components: [{type: "body", parameters: [{type: "text", text}, ...]}]}}}. A 429 or 5xx is
 * retried, and so is a 4xx whose error code is one of Meta's throttling or outage codes; any other
 * 4xx is a {@link RejectedByProvider} (its {@code error.code} and {@code error.message} say why).
 */
final class WhatsAppCloudSender implements WhatsAppSender {

    /**
     * Error codes Meta answers with a 400 that mean "later": rate and pair-rate limits (4, 80007,
     * 130429, 131056), spam-rate limit (131048) and service unavailable (131016).
     */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(4, 80007, 130429, 131016, 131048, 131056);

    private final BearerJsonClient client;
    private final URI endpoint;
    private final String language;

    WhatsAppCloudSender(JsonMapper json, String baseUrl, String apiVersion, String phoneNumberId, String accessToken,
            String language, Duration timeout) {
        this.client = new BearerJsonClient(json, accessToken, timeout);
        this.endpoint = URI.create(BearerJsonClient.trimmedBase(baseUrl) + "/" + apiVersion + "/" + phoneNumberId
                + "/messages");
        this.language = language;
    }

    @Override
    public void send(String to, String template, List<String> parameters) throws Exception {
        Map<String, Object> message = Map.of(
                "messaging_product", "whatsapp",
                // Meta's own form of a number: its digits, country code first, without the plus.
                "to", to.startsWith("+") ? to.substring(1) : to,
                "type", "template",
                "template", Map.of("name", template, "language", Map.of("code", language),
                        "components", List.of(Map.of("type", "body", "parameters", parameters.stream()
                                .map(text -> Map.of("type", "text", "text", text)).toList()))));
        BearerJsonClient.Answer answer = client.post(endpoint, message);
        if (answer.isSuccess()) {
            return;
        }
        JsonNode error = answer.body().path("error");
        String reason = "WhatsApp answered " + answer.status() + " (code " + error.path("code").asString("?") + "): "
                + shortened(error.path("message").asString(""));
        if (answer.isTransient() || RETRYABLE_CODES.contains(error.path("code").asInt(-1))) {
            throw new IOException(reason);
        }
        throw new RejectedByProvider(reason);
    }

    static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
