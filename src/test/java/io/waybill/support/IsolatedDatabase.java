package io.waybill.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test whose server must not share the event flow of the others (a
 * second transport, a second cache). On the configured PostgreSQL it is a fresh database beside
 * the configured one; without one, a separate embedded PostgreSQL.
 */
public final class IsolatedDatabase {

    private IsolatedDatabase() {
    }

    /** Creates (anew) the database for this name and returns the properties that point a server at it. */
    public static Map<String, String> properties(String name) {
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        if (configured == null || configured.isBlank()) {
            return Map.of("spring.datasource.url", "", "waybill.data-dir",
                    "target/test-data-" + name + "-" + ProcessHandle.current().pid());
        }
        int slash = configured.lastIndexOf('/');
        int query = configured.indexOf('?', slash);
        String base = configured.substring(0, slash + 1);
        String database = configured.substring(slash + 1, query < 0 ? configured.length() : query) + "_" + name;
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(base + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database, e);
        }
        return Map.of("spring.datasource.url", base + database);
    }

    public static void register(DynamicPropertyRegistry registry, String name) {
        properties(name).forEach((key, value) -> registry.add(key, () -> value));
    }
}
