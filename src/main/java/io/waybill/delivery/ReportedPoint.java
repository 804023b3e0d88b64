package io.waybill.delivery;

import java.time.Instant;

/**
 * One point as an agent's phone reported it, before it is judged: any field may be missing or out
 * of range, and it is refused on its own (see {@link LocationBatch}) rather than failing the batch.
 *
 * @param lat        latitude in degrees
 * @param lon        longitude in degrees
 * @param accuracyM  the radius of the phone's uncertainty in metres; optional
 * @param recordedAt when the phone took the point (not when it was sent)
 */
public record ReportedPoint(Double lat, Double lon, Double accuracyM, Instant recordedAt) {
}
