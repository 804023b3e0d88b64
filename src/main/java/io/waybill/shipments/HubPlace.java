package io.waybill.shipments;

import io.waybill.kernel.CityNames;
import io.waybill.kernel.TimeZones;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * A hub as the shipments module knows it from the network module's {@code hub.*} events: its name
 * (printed on labels; null only while a hub copied before names were kept waits for its next event),
 * its city and its IANA time zone (null for hubs without one, which use the deployment's zone).
 */
public record HubPlace(UUID hubId, String hubName, String city, String timeZone) {

    /**
     * The time zone of a place (a scan's location, a source address): that of the hub whose city the
     * text names, read as hub choice reads it (the longest city name named, then the smallest hub id),
     * or {@code fallback} when it names no hub's city or the hub has no zone.
     */
    public static ZoneId zoneOf(Collection<HubPlace> hubs, String place, ZoneId fallback) {
        return hubs.stream()
                .filter(hub -> CityNames.names(place, hub.city()))
                .min(Comparator.comparing(HubPlace::city, CityNames.preference()).thenComparing(HubPlace::hubId))
                .map(HubPlace::timeZone)
                .filter(TimeZones::isValid)
                .map(ZoneId::of)
                .orElse(fallback);
    }

    /**
     * The hub as a label names it: {@code Guindy Sorting Centre, Chennai}, or the name alone when it
     * already says the city; null while its name is not known here.
     */
    public String printedName() {
        if (hubName == null) {
            return null;
        }
        if (city == null || city.isBlank()
                || hubName.toLowerCase(Locale.ROOT).contains(city.toLowerCase(Locale.ROOT))) {
            return hubName;
        }
        return hubName + ", " + city;
    }
}
