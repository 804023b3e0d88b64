package io.waybill.shipments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a shipment's estimated delivery date, kept for good: the booking's first estimate
 * (the promised date), then each history entry that moved it.
 *
 * @param historySequence   the place in the history of the entry that caused it (the booking is 0)
 * @param reason            {@code booked}, {@code scan}, or the status the entry moved the shipment to
 * @param estimatedDelivery the new estimate; null once the shipment is no longer expected
 * @param previousEstimate  the estimate before; null for the first
 */
public record EstimateRevision(int historySequence, String reason, LocalDate estimatedDelivery,
        LocalDate previousEstimate, Instant revisedAt) {
}
