package io.waybill.shipments;

import java.time.LocalDate;

/**
 * How the estimated delivery date moves as a shipment's history grows, decided on each entry from
 * the entry's status and its local date ({@code today}). Kept deliberately simple:
 * <ul>
 * <li>{@code out_for_delivery}: today; {@code delivered}: today (the day it happened). A scan while
 * out for delivery leaves the estimate, unless it is in the past.</li>
 * <li>{@code delivery_failed} (the move into it): the day after the later of the estimate and today,
 * the next attempt.</li>
 * <li>{@code returned}, {@code cancelled}: none, the shipment is no longer expected.</li>
 * <li>anything else (picked up, in transit, a scan): unchanged while it is still ahead; a parcel still
 * on its way on or after its estimated day is expected the next day.</li>
 * </ul>
 * A shipment booked before estimates existed has none, and gets one only from the first three rules.
 */
public final class DeliveryEstimate {

    private DeliveryEstimate() {
    }

    /**
     * The estimate after an entry.
     *
     * @param current  the estimate before it; null when there is none
     * @param status   the entry's status
     * @param moved    whether the entry changed the status (false for a scan)
     * @param today    the entry's local date
     */
    public static LocalDate revised(LocalDate current, ShipmentStatus status, boolean moved, LocalDate today) {
        return switch (status) {
            case DELIVERED -> today;
            case RETURNED, CANCELLED -> null;
            case OUT_FOR_DELIVERY -> moved || (current != null && current.isBefore(today)) ? today : current;
            case DELIVERY_FAILED -> moved ? later(current, today).plusDays(1) : stillMoving(current, today);
            case CREATED, PICKED_UP, IN_TRANSIT -> stillMoving(current, today);
        };
    }

    private static LocalDate stillMoving(LocalDate current, LocalDate today) {
        if (current == null) {
            return null;
        }
        return current.isAfter(today) ? current : today.plusDays(1);
    }

    private static LocalDate later(LocalDate current, LocalDate today) {
        return current == null || today.isAfter(current) ? today : current;
    }
}
