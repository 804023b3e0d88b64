package io.waybill.network;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A sorting and dispatch centre in a city. */
public record Hub(UUID id, String hubName, String city, String address, Double latitude, Double longitude,
        Instant createdAt) {

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
    }

    /** Whether an address lies in this hub's city: the city's name appears in it as whole words. */
    public boolean serves(String sourceAddress) {
        if (sourceAddress == null) {
            return false;
        }
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(city.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])");
        return word.matcher(sourceAddress.toLowerCase(Locale.ROOT)).find();
    }
}
