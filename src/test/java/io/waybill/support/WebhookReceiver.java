package io.waybill.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server receiving webhook deliveries; each path answers the statuses scripted for it, then 200. */
public final class WebhookReceiver {

    public record Delivery(String path, Map<String, String> headers, String body, int answered) {

        /**
         * Whether X-Waybill-Signature is what a receiver holding this secret computes: the HMAC-SHA256
         * of "t.body" in hex, with a timestamp within five minutes of now.
         */
        public boolean isSignedWith(String secret) {
            String signature = headers.get("x-waybill-signature");
            if (signature == null || !signature.matches("t=\\d+,v1=[0-9a-f]{64}")) {
                return false;
            }
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
                return signature.endsWith("v1=" + expected) && Math.abs(Instant.now().getEpochSecond() - t) < 300;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final Map<String, Duration> holds = new ConcurrentHashMap<>();
    /** Requests that have arrived, by path, whether or not they have been answered yet. */
    private final Map<String, AtomicInteger> arrived = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            arrived.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Duration hold = holds.get(path);
            if (hold != null) {
                try {
                    Thread.sleep(hold.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            ConcurrentLinkedQueue<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted != null ? scripted : always.getOrDefault(path, 200);
            deliveries.add(new Delivery(path, headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // One thread per request, so that a request held on one path does not hold up the others.
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Requests to this path are answered only after this long, as a receiver that hangs. */
    public void hold(String path, Duration duration) {
        holds.put(path, duration);
    }

    /** How many requests to this path have arrived, answered or not. */
    public int arrivedAt(String path) {
        AtomicInteger count = arrived.get(path);
        return count == null ? 0 : count.get();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to this path get these statuses, in order; then 200. */
    public void script(String path, Integer... statuses) {
        scripts.put(path, new ConcurrentLinkedQueue<>(List.of(statuses)));
    }

    public void alwaysAnswer(String path, int status) {
        always.put(path, status);
    }

    public List<Delivery> at(String path) {
        return deliveries.stream().filter(d -> d.path().equals(path)).toList();
    }

    public void stop() {
        server.stop(0);
    }
}
