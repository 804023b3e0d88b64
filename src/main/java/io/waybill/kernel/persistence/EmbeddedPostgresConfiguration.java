package io.waybill.kernel.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The newcomer's database: when no {@code spring.datasource.url} is configured, a real PostgreSQL
 * runs as a child process with its data under {@code <data-dir>/postgres}, so it survives a restart.
 * It starts before the context ({@link EmbeddedPostgresLaunch}); the data source waits for it, and
 * closes before the server stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMode.Condition.class)
class EmbeddedPostgresConfiguration {

    /**
     * The server {@link EmbeddedPostgresLaunch} started before the context; the launch stops it. The
     * data directory is asked for first, so that a bad {@code waybill.data-dir} is refused by name.
     */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory, ObjectProvider<EmbeddedPostgresLaunch> launch)
            throws IOException {
        EmbeddedPostgresLaunch started = launch.getIfAvailable();
        if (started == null) {
            throw new IllegalStateException("The embedded PostgreSQL was not launched for " + dataDirectory.resolve("postgres")
                    + ": EmbeddedPostgresLaunch.Initializer is missing from META-INF/spring.factories");
        }
        return started.await();
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
