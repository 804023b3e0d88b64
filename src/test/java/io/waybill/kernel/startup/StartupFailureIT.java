package io.waybill.kernel.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.waybill.WaybillApplication;
import io.waybill.support.ApiTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start-up that cannot go on ends with Spring Boot's failure report: what is wrong and what to
 * do, not a page of stack trace from Waybill's code.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/waybill";

    @TempDir
    Path data;

    @Test
    void shouldExplainAMissingSigningSecret(CapturedOutput output) {
        start(output, "--spring.datasource.url=" + UNREACHABLE, "--waybill.jwt.secret=");
        assertReport(output, "WAYBILL_JWT_SECRET is not set", "Set WAYBILL_JWT_SECRET to at least 32 random characters");
    }

    @Test
    void shouldExplainAnUnreachableDatabase(CapturedOutput output) {
        start(output, "--spring.datasource.url=" + UNREACHABLE + "?password=hidden",
                "--waybill.jwt.secret=" + ApiTest.JWT_SECRET);
        assertReport(output, "could not connect to PostgreSQL (" + UNREACHABLE + ")",
                "Check that PostgreSQL is running and reachable");
        assertThat(output.getOut()).doesNotContain("password=hidden");
    }

    @Test
    void shouldExplainARateLimitWithNoCapacity(CapturedOutput output) {
        start(output, configuredDatabase("--waybill.rate-limits.booking.capacity=0"));
        assertReport(output, "waybill.rate-limits.booking needs a capacity of at least 1",
                "Set waybill.rate-limits.booking.capacity to 1 or more");
    }

    @Test
    void shouldExplainANegativePeriod(CapturedOutput output) {
        start(output, configuredDatabase("--waybill.rate-limits.tracking.period=-PT1M"));
        assertReport(output, "waybill.rate-limits.tracking needs a capacity of at least 1 and a positive period",
                "waybill.rate-limits.tracking.period to a positive duration");
    }

    @Test
    void shouldExplainAWebhookLimitBelowOne(CapturedOutput output) {
        start(output, configuredDatabase("--waybill.webhooks.max-per-owner=0"));
        assertReport(output, "waybill.webhooks.max-per-owner must be at least 1; it is 0.",
                "Set waybill.webhooks.max-per-owner to 1 or more");
    }

    @Test
    void shouldExplainAnUnknownModuleInWaybillServices(CapturedOutput output) {
        start(output, configuredDatabase("--waybill.services=identity,shiping"));
        assertReport(output, "setting waybill.services: waybill.services (WAYBILL_SERVICES) names \"shiping\", which "
                + "is not a module", "Set WAYBILL_SERVICES to all");
    }

    @Test
    void shouldExplainAPartOfTheModulesWithoutKafka(CapturedOutput output) {
        start(output, configuredDatabase("--waybill.services=identity,shipments"));
        assertReport(output, "waybill.services (WAYBILL_SERVICES) is identity,shipments, not all, and no Kafka is "
                + "configured", "Set SPRING_KAFKA_BOOTSTRAP_SERVERS");
    }

    private String[] configuredDatabase(String setting) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        List<String> arguments = new ArrayList<>(List.of(setting, "--waybill.jwt.secret=" + ApiTest.JWT_SECRET));
        // Without a configured database the embedded one starts, in this test's data directory.
        arguments.add("--spring.datasource.url=" + (url == null ? "" : url));
        return arguments.toArray(String[]::new);
    }

    private void start(CapturedOutput output, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--waybill.data-dir=" + data, "--spring.mail.host="));
        arguments.addAll(List.of(settings));
        Throwable failure = catchThrowable(() -> new SpringApplication(WaybillApplication.class)
                .run(arguments.toArray(String[]::new)));
        assertThat(failure).as("start-up should fail").isNotNull();
    }

    private static void assertReport(CapturedOutput output, String description, String action) {
        String out = output.getAll();
        assertThat(out).contains("APPLICATION FAILED TO START").contains("Description:").contains("Action:");
        String report = out.substring(out.indexOf("Description:"));
        assertThat(report.substring(0, report.indexOf("Action:"))).contains(description);
        assertThat(report.substring(report.indexOf("Action:"))).contains(action);
        assertThat(out.substring(0, out.indexOf("APPLICATION FAILED TO START")))
                .as("no stack trace through Waybill's code before the report")
                .doesNotContain("\tat io.waybill.");
    }
}
