package io.waybill.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class EmbeddedPostgresLaunchIT {

    @TempDir
    Path data;

    @Test
    void shouldStartTheServerBeforeTheContextIsRefreshedAndStopItWithTheContext() throws Exception {
        // Blank, as when nothing is configured (the environment of CI names a database).
        GenericApplicationContext context = contextWith(Map.of("waybill.data-dir", data.toString(),
                "spring.datasource.url", ""));

        new EmbeddedPostgresLaunch.Initializer().initialize(context);

        assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresLaunch.BEAN)).isTrue();
        EmbeddedPostgresLaunch launch = (EmbeddedPostgresLaunch) context.getBeanFactory()
                .getSingleton(EmbeddedPostgresLaunch.BEAN);
        EmbeddedPostgres server = launch.await();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                ResultSet row = connection.createStatement().executeQuery("select 1")) {
            assertThat(row.next()).isTrue();
        }
        assertThat(Files.exists(data.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        int port = server.getPort();

        context.refresh();
        context.close();

        assertThat(accepts(port)).as("the server stops with the context").isFalse();
    }

    @Test
    void shouldLaunchNothingWhenADatabaseIsConfigured() {
        GenericApplicationContext context = contextWith(Map.of("waybill.data-dir", data.toString(),
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/postgres"));

        new EmbeddedPostgresLaunch.Initializer().initialize(context);

        assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresLaunch.BEAN)).isFalse();
        assertThat(Files.exists(data.resolve("postgres"))).isFalse();
    }

    private static GenericApplicationContext contextWith(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }
}
