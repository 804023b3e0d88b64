package io.waybill.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test clients for the live updates: a WebSocket and an SSE stream that collect what they receive. */
public final class LiveClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveClients() {
    }

    /** A WebSocket connection; {@code messages} holds the JSON text messages in arrival order. */
    public static final class Socket implements AutoCloseable {

        public final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        public final CompletableFuture<String> closed;
        public volatile int pings;
        private final WebSocket socket;

        private Socket(WebSocket socket, CompletableFuture<String> closed) {
            this.socket = socket;
            this.closed = closed;
        }

        public void send(String text) {
            socket.sendText(text, true).join();
        }

        /** Waits until the server said the subscription is live. */
        public Socket awaitSubscribed() {
            Eventually.eventually(() -> org.assertj.core.api.Assertions.assertThat(messages)
                    .anyMatch(m -> "subscribed".equals(m.path("type").asString(""))));
            return this;
        }

        public List<JsonNode> updatesOf(String trackingNumber) {
            return messages.stream().filter(m -> trackingNumber.equals(m.path("tracking_number").asString(""))).toList();
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    public static Socket socket(int port, String query) {
        return socket(port, query, Map.of());
    }

    /** A socket opened with these handshake headers (e.g. {@code X-Forwarded-For} to pose as another client). */
    public static Socket socket(int port, String query, Map<String, String> headers) {
        Socket[] holder = new Socket[1];
        List<JsonNode> early = new CopyOnWriteArrayList<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonNode message = JSON.readTree(partial.toString());
                    partial.setLength(0);
                    synchronized (early) {
                        if (holder[0] == null) {
                            early.add(message);
                        } else {
                            holder[0].messages.add(message);
                        }
                    }
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
                if (holder[0] != null) {
                    holder[0].pings++;
                }
                return WebSocket.Listener.super.onPing(webSocket, message);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete("error " + error);
            }
        };
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        WebSocket webSocket = builder
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/shipments" + query), listener)
                .orTimeout(10, TimeUnit.SECONDS).join();
        Socket socket = new Socket(webSocket, closed);
        synchronized (early) {
            socket.messages.addAll(early);
            holder[0] = socket;
        }
        return socket;
    }

    /** The status code with which a WebSocket handshake was refused, or 101 when it was accepted. */
    public static int handshake(int port, String query) {
        return handshake(port, query, Map.of());
    }

    public static int handshake(int port, String query, Map<String, String> headers) {
        try {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            headers.forEach(builder::header);
            WebSocket socket = builder
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws/shipments" + query),
                            new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (Exception refused) {
            Throwable cause = refused;
            while (cause != null) {
                if (cause instanceof java.net.http.WebSocketHandshakeException handshake) {
                    return handshake.getResponse().statusCode();
                }
                cause = cause.getCause();
            }
            throw new IllegalStateException(refused);
        }
    }

    /** An SSE stream read on its own thread; {@code events} holds each event's JSON data, in order. */
    public static final class Stream implements AutoCloseable {

        public final List<JsonNode> events = new CopyOnWriteArrayList<>();
        public final List<String> comments = new CopyOnWriteArrayList<>();
        /** Completes when the server ends the stream. */
        public final CompletableFuture<Void> ended = new CompletableFuture<>();
        public final int status;
        public final String contentType;
        /** The body of a refused stream (a problem), read whole; empty for an accepted one. */
        public final String refusal;
        private final InputStream body;

        private Stream(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.body = response.body();
            String refused = "";
            if (status != 200) {
                try (InputStream finite = body) {
                    refused = new String(finite.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException unreadable) {
                    refused = "unreadable: " + unreadable;
                }
            }
            this.refusal = refused;
            if (status == 200) {
                Thread reader = new Thread(this::read, "sse-test-reader");
                reader.setDaemon(true);
                reader.start();
            }
        }

        /** The last event received, e.g. the {@code stream.closed} event that says why the server ended it. */
        public JsonNode lastEvent() {
            return events.get(events.size() - 1);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.isEmpty() && data.length() > 0) {
                        events.add(JSON.readTree(data.toString()));
                        data.setLength(0);
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
            ended.complete(null);
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

    public static Stream stream(int port, String path, String token) {
        return stream(port, path, token, Map.of());
    }

    public static Stream stream(int port, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new Stream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
