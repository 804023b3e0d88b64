package io.waybill.kernel.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The newcomer's database: when no {@code spring.datasource.url} is configured, a real PostgreSQL
 * runs as a child process with its data under {@code <data-dir>/postgres}, so it survives a restart.
 * The data source depends on it, so the pool closes before the server stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMode.Condition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory) throws IOException {
        Path dir = dataDirectory.resolve("postgres");
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with its data in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .start();
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
                        orphan.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception stillRunning) {
                        orphan.destroyForcibly();
                    }
                });
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setPoolName("waybill-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
