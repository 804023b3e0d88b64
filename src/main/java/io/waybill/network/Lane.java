package io.waybill.network;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.UUID;

/**
 * How many calendar days a parcel takes from one city to another, per service level. One lane per
 * pair of cities, their names compared ignoring case (as hub choice reads a city in an address); a
 * lane is one way, so the way back is a lane of its own. Express is never slower than standard.
 */
public record Lane(UUID id, String originCity, String destinationCity, Integer standardTransitDays,
        Integer expressTransitDays, Instant createdAt, Instant updatedAt) {

    /** The longest transit a lane may take, in days. */
    public static final int MAX_TRANSIT_DAYS = 60;

    public Lane {
        originCity = SingleLineText.required("origin_city", originCity, 200);
        destinationCity = SingleLineText.required("destination_city", destinationCity, 200);
        requireDays("standard_transit_days", standardTransitDays);
        requireDays("express_transit_days", expressTransitDays);
        if (expressTransitDays > standardTransitDays) {
            throw new InvalidRequestException("express_transit_days", "must not be more than standard_transit_days");
        }
    }

    private static void requireDays(String field, Integer days) {
        if (days == null || days < 0 || days > MAX_TRANSIT_DAYS) {
            throw new InvalidRequestException(field, "is required: a whole number of days from 0 to "
                    + MAX_TRANSIT_DAYS);
        }
    }
}
