package io.waybill.network;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.CityNames;
import io.waybill.kernel.SingleLineText;
import io.waybill.kernel.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A sorting and dispatch centre in a city. Its time zone (an IANA id) is the one the times of its
 * scans are shown in; null only for hubs opened before hubs had zones, which use the deployment's
 * ({@code waybill.time-zone}).
 */
public record Hub(UUID id, String hubName, String city, String address, Double latitude, Double longitude,
        Instant createdAt, String timeZone) {

    public Hub(UUID id, String hubName, String city, String address, Double latitude, Double longitude,
            Instant createdAt) {
        this(id, hubName, city, address, latitude, longitude, createdAt, null);
    }

    public Hub {
        hubName = SingleLineText.required("hub_name", hubName, 200);
        city = SingleLineText.required("city", city, 200);
        address = SingleLineText.optional("address", address, 500);
        if (latitude != null && (latitude < -90 || latitude > 90 || latitude.isNaN())) {
            throw new InvalidRequestException("latitude", "must be between -90 and 90");
        }
        if (longitude != null && (longitude < -180 || longitude > 180 || longitude.isNaN())) {
            throw new InvalidRequestException("longitude", "must be between -180 and 180");
        }
        ZoneId zone = TimeZones.optional("time_zone", timeZone);
        timeZone = zone == null ? null : zone.getId();
    }

    /** Whether an address lies in this hub's city: the city's name appears in it as whole words. */
    public boolean serves(String sourceAddress) {
        return CityNames.names(sourceAddress, city);
    }
}
