package io.waybill.security.idempotency;

import static io.waybill.kernel.InvalidSettingException.requirePositive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How idempotency keys are kept ({@code waybill.idempotency.*}).
 *
 * @param retention     how long a key is remembered after its first request: a retry later than this
 *                      runs as a new request
 * @param lease         how long a request in flight holds its key: a retry within it is refused with
 *                      409; after it (the process that took the key died, say) a retry runs
 * @param purgeInterval how often keys past their retention are deleted
 */
@ConfigurationProperties("waybill.idempotency")
public record IdempotencyProperties(@DefaultValue("PT24H") Duration retention, @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT10M") Duration purgeInterval) {

    public IdempotencyProperties {
        requirePositive("waybill.idempotency.retention", retention);
        requirePositive("waybill.idempotency.lease", lease);
        requirePositive("waybill.idempotency.purge-interval", purgeInterval);
    }
}
