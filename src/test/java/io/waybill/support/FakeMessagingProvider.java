package io.waybill.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server standing in for a messaging provider that takes JSON with a Bearer token:
 * Meta's WhatsApp Cloud API ({@link #whatsApp()}) or FCM HTTP v1 ({@link #fcm()}). It records every
 * request, keyed by its recipient (the WhatsApp number, the FCM device token), and answers success
 * unless an answer was scripted for that recipient.
 */
public final class FakeMessagingProvider {

    public record Request(String path, String authorization, JsonNode body, int answered) {
    }

    private record Answer(int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Function<JsonNode, String> recipientOf;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    private FakeMessagingProvider(Function<JsonNode, String> recipientOf, String success) {
        this.recipientOf = recipientOf;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String recipient = recipientOf.apply(body);
            Deque<Answer> queue = scripted.get(recipient);
            Answer next = queue == null ? null : queue.pollFirst();
            Answer answer = next != null ? next : always.getOrDefault(recipient, new Answer(200, success));
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, answer.status()));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Meta's WhatsApp Cloud API: requests keyed by {@code to}. */
    public static FakeMessagingProvider whatsApp() {
        return new FakeMessagingProvider(body -> body.path("to").asString(""),
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.stub\"}]}");
    }

    /** FCM HTTP v1: requests keyed by {@code message.token}. */
    public static FakeMessagingProvider fcm() {
        return new FakeMessagingProvider(body -> body.path("message").path("token").asString(""),
                "{\"name\":\"projects/waybill-test/messages/0:1\"}");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} requests to this recipient are answered with this status and body. */
    public void answerNext(String recipient, int times, int status, String body) {
        Deque<Answer> queue = scripted.computeIfAbsent(recipient, key -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(new Answer(status, body));
        }
    }

    /** Every request to this recipient is answered with this status and body. */
    public void answerAlways(String recipient, int status, String body) {
        always.put(recipient, new Answer(status, body));
    }

    public List<Request> to(String recipient) {
        return requests.stream().filter(r -> recipient.equals(recipientOf.apply(r.body()))).toList();
    }

    public void stop() {
        server.stop(0);
    }
}
