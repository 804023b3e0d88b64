package io.waybill.notifications.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a JSON body with a Bearer token to a messaging provider and reads its JSON answer. Nothing
 * is retried here: the dispatcher decides, from what the sender makes of the answer.
 */
final class BearerJsonClient {

    /** A provider's answer: its status and its body as JSON (an empty object when it was not JSON). */
    record Answer(int status, JsonNode body) {

        boolean isSuccess() {
            return status / 100 == 2;
        }

        /** 429 and 5xx: the provider is busy or down, and the same message may go through later. */
        boolean isTransient() {
            return status == 429 || status / 100 == 5;
        }
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final String authorization;
    private final Duration timeout;

    BearerJsonClient(JsonMapper json, String accessToken, Duration timeout) {
        this.json = json;
        this.authorization = "Bearer " + accessToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer post(URI endpoint, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    static String trimmedBase(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
