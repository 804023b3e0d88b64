package io.waybill.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** A small HTTP client for tests that talk to the running server over real HTTP. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, "application/json", json(body));
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, "application/json", json(body));
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /** Sends a raw body with a given content type, for malformed-input tests. */
    public Response send(String method, String path, String token, String contentType, String body) {
        return send(method, path, token, contentType, body, Map.of());
    }

    /** Sends a request with extra headers (X-API-Key, X-Forwarded-For, Origin, ...). */
    public Response send(String method, String path, String token, String contentType, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpRequest built = request.build();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> sent =
                http.sendAsync(built, HttpResponse.BodyHandlers.ofString());
        try {
            // The whole body, not only the headers: a stream that should end but does not fails the
            // test here instead of hanging the build.
            HttpResponse<String> response = sent.get(60, java.util.concurrent.TimeUnit.SECONDS);
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (java.util.concurrent.TimeoutException e) {
            sent.cancel(true);
            throw new AssertionError(method + " " + path + ": no complete response within 60 s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request with extra headers. */
    public Response json(String method, String path, String token, Object body, Map<String, String> headers) {
        return send(method, path, token, body == null ? null : "application/json", json(body), headers);
    }

    public static String json(Object body) {
        return body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.test";
    }

    /** A response: status, headers and the body, parsed as JSON when it is JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String raw) {

        public JsonNode body() {
            return raw == null || raw.isBlank() ? NullNode.getInstance() : JSON.readTree(raw);
        }

        public String text(String field) {
            JsonNode node = body().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(entry -> entry.getValue().get(0))
                    .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
