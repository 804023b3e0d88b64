package io.waybill.shipments;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The delivery date promised at booking: the booking's local date plus the transit days of the
 * shipment's lane for its service level, or the default transit days when no lane joins its cities.
 * Days are calendar days: weekends and holidays are not skipped.
 *
 * @param standardTransitDays the default for a standard shipment without a lane
 * @param expressTransitDays  the default for an express shipment without a lane
 */
public record DeliveryPromise(int standardTransitDays, int expressTransitDays) {

    public DeliveryPromise {
        if (standardTransitDays < 0 || expressTransitDays < 0) {
            throw new IllegalArgumentException("Transit days are not negative");
        }
    }

    public LocalDate promisedDate(LocalDate bookedOn, ServiceLevel level, Optional<TransitLane> lane) {
        int days = lane.map(found -> found.transitDays(level))
                .orElse(level == ServiceLevel.EXPRESS ? expressTransitDays : standardTransitDays);
        return bookedOn.plusDays(days);
    }
}
