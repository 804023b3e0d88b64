package io.waybill.kernel.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default's PostgreSQL, started as soon as the environment is known rather than when
 * the data source is first needed: its {@code initdb} and start-up take seconds, and they overlap
 * the building of the application context instead of coming after it. The data source's bean waits
 * for it ({@link #await()}); a start that failed fails that bean, as a start inside it would.
 *
 * <p>The server stops when the context is destroyed, after the data source (registered before
 * every bean, it is destroyed after them), and also when start-up fails before the data source.
 */
final class EmbeddedPostgresLaunch implements DisposableBean {

    static final String BEAN = "embeddedPostgresLaunch";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLaunch.class);

    private final CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();

    private EmbeddedPostgresLaunch() {
    }

    /** Starts the server in {@code <dataDir>/postgres} on a thread of its own. */
    static EmbeddedPostgresLaunch start(Path dataDir) {
        EmbeddedPostgresLaunch launch = new EmbeddedPostgresLaunch();
        Thread starter = new Thread(() -> launch.run(dataDir.resolve("postgres")), "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        return launch;
    }

    private void run(Path dir) {
        try {
            Files.createDirectories(dir);
            stopOrphanedServer(dir);
            log.info("No spring.datasource.url set: starting embedded PostgreSQL with its data in {}", dir);
            server.complete(EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException | RuntimeException failed) {
            server.completeExceptionally(failed);
        }
    }

    /** The running server, once it has started; the start's failure otherwise. */
    EmbeddedPostgres await() throws IOException {
        try {
            return server.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded PostgreSQL was starting", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        }
    }

    @Override
    public void destroy() throws IOException {
        EmbeddedPostgres started;
        try {
            started = server.get(2, TimeUnit.MINUTES);
        } catch (Exception neverStarted) {
            return;
        }
        started.close();
    }

    /**
     * A server left running by an earlier process that was killed (its shutdown hook never ran)
     * still holds the data directory: stop it, so that this start does not fail.
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException unreadable) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping the embedded PostgreSQL (pid {}) left running by an earlier start", pid);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(15, TimeUnit.SECONDS);
                    } catch (Exception stillRunning) {
                        orphan.destroyForcibly();
                    }
                });
    }

    /**
     * Registered in META-INF/spring.factories: in the embedded default, starts the server before the
     * context is refreshed. A blank data directory is left to {@code PlatformProperties} to refuse.
     */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (!EmbeddedMode.isOn(context.getEnvironment())) {
                return;
            }
            String dataDir = context.getEnvironment().getProperty("waybill.data-dir", "./data");
            if (dataDir.isBlank() || context.getBeanFactory().containsSingleton(BEAN)) {
                return;
            }
            EmbeddedPostgresLaunch launch = start(Path.of(dataDir).toAbsolutePath().normalize());
            context.getBeanFactory().registerSingleton(BEAN, launch);
            if (context.getBeanFactory() instanceof org.springframework.beans.factory.support.DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(BEAN, launch);
            }
        }
    }
}
