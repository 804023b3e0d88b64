package io.waybill.delivery.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requireNotNegative;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The delivery module's settings ({@code waybill.delivery.*}). */
@ConfigurationProperties("waybill.delivery")
public record DeliveryProperties(@DefaultValue Locations locations) {

    /**
     * @param maxAge            a reported point taken longer ago than this is refused (a phone offline for longer)
     * @param maxClockSkew      how far in the future a point may be (phones whose clock runs ahead)
     * @param activeWindow      an agent whose latest point is older than this is not active
     * @param retention         points older than this are deleted
     * @param retentionInterval how often the deletion runs
     * @param retentionBatch    points deleted per statement (each its own transaction)
     * @param trailMaxWindow    the longest from..to an admin may ask an agent's trail for
     * @param trailMaxPoints    points in one answer of a trail; the rest follow with {@code next_from}
     */
    public record Locations(@DefaultValue("PT24H") Duration maxAge, @DefaultValue("PT2M") Duration maxClockSkew,
            @DefaultValue("PT1H") Duration activeWindow, @DefaultValue("P30D") Duration retention,
            @DefaultValue("PT15M") Duration retentionInterval, @DefaultValue("5000") int retentionBatch,
            @DefaultValue("PT24H") Duration trailMaxWindow, @DefaultValue("1000") int trailMaxPoints) {

        public Locations {
            requirePositive("waybill.delivery.locations.max-age", maxAge);
            requireNotNegative("waybill.delivery.locations.max-clock-skew", maxClockSkew);
            requirePositive("waybill.delivery.locations.active-window", activeWindow);
            requirePositive("waybill.delivery.locations.retention", retention);
            requirePositive("waybill.delivery.locations.retention-interval", retentionInterval);
            requireAtLeast("waybill.delivery.locations.retention-batch", retentionBatch, 1);
            requirePositive("waybill.delivery.locations.trail-max-window", trailMaxWindow);
            requireAtLeast("waybill.delivery.locations.trail-max-points", trailMaxPoints, 1);
        }
    }
}
