package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;

/**
 * Where on earth a scan was made, in WGS 84 degrees, as a phone or handheld reports it: latitude
 * from -90 to 90, longitude from -180 to 180.
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        // Written so that NaN fails too.
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidRequestException("lat", "must be between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidRequestException("lon", "must be between -180 and 180");
        }
    }

    /** A point from a request's optional pair: both given, or neither (null); one without the other is refused. */
    public static GeoPoint ofNullable(Double lat, Double lon) {
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null) {
            throw new InvalidRequestException("lat", "is required when lon is given");
        }
        if (lon == null) {
            throw new InvalidRequestException("lon", "is required when lat is given");
        }
        return new GeoPoint(lat, lon);
    }
}
