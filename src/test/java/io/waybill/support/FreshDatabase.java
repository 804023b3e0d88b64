package io.waybill.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database for a test that works below the application (migrations): a fresh database
 * beside the configured one (see {@link IsolatedDatabase}), or, without one, an embedded
 * PostgreSQL of its own, stopped on {@link #close()}. Every {@code getConnection()} opens a new
 * connection, so threads using it are separate clients, like separate replicas.
 */
public final class FreshDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedPostgres embedded;

    private FreshDatabase(DataSource dataSource, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    public static FreshDatabase create(String name) {
        Map<String, String> properties = IsolatedDatabase.properties(name);
        String url = properties.get("spring.datasource.url");
        if (url == null || url.isBlank()) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                return new FreshDatabase(postgres.getPostgresDatabase(), postgres);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FreshDatabase(new DriverManagerDataSource(url,
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "")), null);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
