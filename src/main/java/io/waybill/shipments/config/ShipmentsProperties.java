package io.waybill.shipments.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;

import io.waybill.kernel.InvalidSettingException;
import io.waybill.kernel.TimeZones;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shipments module's settings.
 *
 * @param timeZone {@code waybill.time-zone}: the deployment's IANA time zone, for history entries at a
 *                 place that names no hub's city (or a hub without a zone) and for booking dates there
 * @param eta      {@code waybill.eta.*}: transit days when no lane joins a shipment's cities
 */
@ConfigurationProperties("waybill")
public record ShipmentsProperties(@DefaultValue("UTC") String timeZone, @DefaultValue Eta eta) {

    public ShipmentsProperties {
        timeZone = TimeZones.setting("waybill.time-zone", timeZone).getId();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /**
     * @param standardTransitDays {@code waybill.eta.standard-transit-days}: calendar days of a standard
     *                            shipment without a lane
     * @param expressTransitDays  {@code waybill.eta.express-transit-days}: the same for express
     */
    public record Eta(@DefaultValue("5") int standardTransitDays, @DefaultValue("2") int expressTransitDays) {

        public Eta {
            requireAtLeast("waybill.eta.standard-transit-days", standardTransitDays, 0);
            requireAtLeast("waybill.eta.express-transit-days", expressTransitDays, 0);
            if (expressTransitDays > standardTransitDays) {
                throw new InvalidSettingException("waybill.eta.express-transit-days",
                        "waybill.eta.express-transit-days (" + expressTransitDays
                                + ") is more than waybill.eta.standard-transit-days (" + standardTransitDays + ").",
                        "Set waybill.eta.express-transit-days to at most the standard transit days.");
            }
        }
    }
}
