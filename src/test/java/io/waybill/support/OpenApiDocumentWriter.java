package io.waybill.support;

import io.waybill.WaybillApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run by the build before the generated-client test (see pom.xml, pre-integration-test): starts the
 * server on a random port, against the PostgreSQL named by SPRING_DATASOURCE_URL or else the
 * embedded one, and writes the OpenAPI document it serves to the file named by the first argument.
 * openapi-generator makes the Java client of GeneratedClientJourneyIT from that file.
 */
public final class OpenApiDocumentWriter {

    private OpenApiDocumentWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int status = 1;
        // Command-line arguments outrank application.properties and the environment.
        try (ConfigurableApplicationContext server = new SpringApplication(WaybillApplication.class).run(
                "--server.port=0", "--management.server.port=-1",
                "--waybill.jwt.secret=" + ApiTest.JWT_SECRET,
                // It runs first on the tests' database: the first admin it makes must be the tests' admin.
                "--waybill.admin.email=" + ApiTest.ADMIN_EMAIL,
                "--waybill.admin.password=" + ApiTest.ADMIN_PASSWORD,
                "--waybill.data-dir=" + target.toAbsolutePath().getParent().resolve("server-data"),
                "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("GET /v3/api-docs answered " + document.statusCode() + ": "
                        + document.body());
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, document.body());
            System.out.println("Wrote the OpenAPI document of the running server to " + target);
            status = 0;
        } catch (Throwable failure) {
            failure.printStackTrace();
        } finally {
            // Background threads (outbox relay, workers) must not keep the build waiting.
            System.exit(status);
        }
    }
}
