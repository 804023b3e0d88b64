package io.waybill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import redis.embedded.RedisServer;

/**
 * The Redis the tests use: the one on 127.0.0.1:6379 when it answers (as in CI), otherwise a real
 * redis-server started from the binaries that the embedded-redis jar ships, for machines without one.
 */
public final class TestRedis {

    private static final int STANDARD_PORT = 6379;
    private static Integer port;

    private TestRedis() {
    }

    public static String host() {
        return "127.0.0.1";
    }

    public static synchronized int port() {
        if (port == null) {
            port = answers(STANDARD_PORT) ? STANDARD_PORT : startOwn();
        }
        return port;
    }

    private static int startOwn() {
        try {
            int own = KafkaBroker.freePort();
            RedisServer server = new RedisServer(own);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(int candidate) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), candidate), 300);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }
}
