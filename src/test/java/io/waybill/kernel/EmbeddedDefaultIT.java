package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.WaybillApplication;
import io.waybill.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The newcomer's first run: no database and no secrets configured. The server starts its own
 * PostgreSQL, generates a signing secret and an admin, and all of it survives a restart.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path data;

    @Test
    void shouldStartWithNothingConfiguredAndKeepItsDataAcrossARestart() throws Exception {
        String email = Api.uniqueEmail("first-run");
        String token;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            assertThat(api.post("/auth/register", null, Map.of("email", email, "password", "password-123")).status())
                    .isEqualTo(201);
            token = api.post("/auth/login", null, Map.of("email", email, "password", "password-123"))
                    .text("access_token");
            // No mail server configured: the verification email lands in <data-dir>/mail as an .eml file.
            assertThat(awaitMail(email)).contains("Subject: Confirm your email address").contains("token: ");
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
        assertThat(Files.readString(data.resolve("jwt-secret")).trim()).hasSizeGreaterThanOrEqualTo(32);

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(api.get("/auth/me", token).text("email")).isEqualTo(email);
            assertThat(api.post("/auth/login", null, Map.of("email", email, "password", "password-123")).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseToStartOnARealDatabaseWithoutASigningSecret() {
        SpringApplication application = new SpringApplication(WaybillApplication.class);
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> application.run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "--waybill.jwt.secret=",
                "--waybill.data-dir=" + data));
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).hasMessageContaining("WAYBILL_JWT_SECRET is not set");
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank the environment, so this holds in CI too.
        return new SpringApplication(WaybillApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=",
                "--waybill.jwt.secret=",
                "--waybill.admin.email=",
                "--waybill.admin.password=",
                "--spring.mail.host=",
                "--waybill.data-dir=" + data);
    }

    private String awaitMail(String recipient) throws Exception {
        Path folder = data.resolve("mail");
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                        String message = Files.readString(file);
                        if (message.contains(recipient)) {
                            return message;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No .eml file for " + recipient + " in " + folder);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
