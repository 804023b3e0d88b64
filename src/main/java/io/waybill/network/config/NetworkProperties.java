package io.waybill.network.config;

import io.waybill.kernel.TimeZones;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The network module's settings.
 *
 * @param timeZone {@code waybill.time-zone}: the deployment's IANA time zone, given to a hub opened
 *                 without one (the shipments module reads the same setting for places without a hub)
 */
@ConfigurationProperties("waybill")
public record NetworkProperties(@DefaultValue("UTC") String timeZone) {

    public NetworkProperties {
        timeZone = TimeZones.setting("waybill.time-zone", timeZone).getId();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
