package io.waybill.kernel;

import static io.waybill.kernel.InvalidSettingException.requireNotNegative;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The platform's own settings directly under {@code waybill.}: where the embedded default keeps its
 * files, HTTP limits, cross-origin callers, the token signing secret, health checks and metrics.
 * The events, mail and rate limits have records of their own in their packages. A bad value stops
 * start-up with the setting's name.
 *
 * @param dataDir        {@code waybill.data-dir}: the embedded database, the development secret, mail files
 * @param maxRequestSize {@code waybill.max-request-size}: larger bodies get 413
 */
@ConfigurationProperties("waybill")
public record PlatformProperties(@DefaultValue("./data") String dataDir, @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Cors cors, @DefaultValue Jwt jwt, @DefaultValue Health health, @DefaultValue Metrics metrics) {

    public PlatformProperties {
        if (dataDir == null || dataDir.isBlank()) {
            throw new InvalidSettingException("waybill.data-dir", "waybill.data-dir is empty.",
                    "Set waybill.data-dir to a folder Waybill may write to, or remove it to use ./data.");
        }
        if (maxRequestSize == null || maxRequestSize.toBytes() < 1) {
            throw new InvalidSettingException("waybill.max-request-size", "waybill.max-request-size must be "
                    + "positive; it is " + maxRequestSize + ".",
                    "Set waybill.max-request-size to a size such as 1MB, or remove it to use the default.");
        }
    }

    /** {@code waybill.cors.allowed-origins}: comma-separated origins whose pages may call the API; none by default. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        }
    }

    /** {@code waybill.jwt.secret}: the HS256 signing secret; blank lets the embedded default make one up. */
    public record Jwt(@DefaultValue("") String secret) {

        public Jwt {
            secret = secret == null ? "" : secret;
        }

        @Override
        public String toString() {
            return "Jwt[secret=" + (secret.isEmpty() ? "" : "(hidden)") + "]";
        }
    }

    /**
     * {@code waybill.health.*}: each readiness check answers within {@code timeout}; its answer is kept
     * {@code cache-for} ({@code kafka-cache-for} for Kafka's, which costs the broker a request).
     */
    public record Health(@DefaultValue("PT2S") Duration timeout, @DefaultValue("PT1S") Duration cacheFor,
            @DefaultValue("PT5S") Duration kafkaCacheFor) {

        public Health {
            requirePositive("waybill.health.timeout", timeout);
            requireNotNegative("waybill.health.cache-for", cacheFor);
            requireNotNegative("waybill.health.kafka-cache-for", kafkaCacheFor);
        }
    }

    /** {@code waybill.metrics.refresh}: how often the gauges read from the database are refreshed. */
    public record Metrics(@DefaultValue("PT5S") Duration refresh) {

        public Metrics {
            requirePositive("waybill.metrics.refresh", refresh);
        }
    }
}
