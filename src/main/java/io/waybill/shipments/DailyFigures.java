package io.waybill.shipments;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What happened to shipments on one day (UTC): how many were booked, how many distinct shipments
 * entered or were scanned in each status, and per origin hub the bookings and deliveries.
 */
public record DailyFigures(LocalDate date, long booked, Map<ShipmentStatus, Long> byStatus,
        Map<UUID, HubFigures> byHub) {

    public record HubFigures(long booked, long delivered) {
    }

    public long inStatus(ShipmentStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
