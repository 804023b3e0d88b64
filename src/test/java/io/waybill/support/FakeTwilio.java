package io.waybill.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server standing in for Twilio's Messages API; it records every request it gets. */
public final class FakeTwilio {

    public record Request(String path, String authorization, Map<String, String> form, int answered) {
    }

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresFor = new ConcurrentHashMap<>();

    public FakeTwilio() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            AtomicInteger failures = failuresFor.get(form.get("To"));
            int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 201;
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form, status));
            byte[] body = (status == 201 ? "{\"sid\":\"SM123\",\"status\":\"queued\"}" : "{\"message\":\"down\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} messages to this number are answered 500. */
    public void failNext(String to, int count) {
        failuresFor.put(to, new AtomicInteger(count));
    }

    public List<Request> to(String number) {
        return requests.stream().filter(r -> number.equals(r.form().get("To"))).toList();
    }

    public void stop() {
        server.stop(0);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
