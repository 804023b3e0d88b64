package io.waybill.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A point that was accepted: a place on the earth, how sure the phone was of it, and when it was
 * taken. Its time is kept to the microsecond, as stored, so that a point read back equals the
 * point written.
 */
public record LocationPoint(double lat, double lon, Double accuracyM, Instant recordedAt) {

    public static final double MAX_ACCURACY_M = 100_000;

    public LocationPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude out of range: " + lon);
        }
        if (accuracyM != null && (!Double.isFinite(accuracyM) || accuracyM < 0 || accuracyM > MAX_ACCURACY_M)) {
            throw new IllegalArgumentException("accuracy out of range: " + accuracyM);
        }
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
