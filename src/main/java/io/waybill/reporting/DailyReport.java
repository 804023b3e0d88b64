package io.waybill.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One day's report, in the shape of GET /admin/reports. */
public record DailyReport(LocalDate date, long totalShipmentsToday, long delivered, long inTransit,
        long outForDelivery, long cancelled, long newUsers, Map<String, Long> byStatus, List<HubLine> byHub,
        DeliveryPerformance deliveryPerformance) {

    public record HubLine(UUID hubId, String hubName, String city, long shipmentsBooked, long delivered) {
    }

    /**
     * Deliveries completed that day: how long they took from booking (average and 90th percentile,
     * in hours, the percentile to a quarter of an hour) and the share delivered on the first attempt.
     * Null figures when nothing was delivered.
     */
    public record DeliveryPerformance(long delivered, Double averageHours, Double p90Hours, Double firstAttemptRate) {
    }
}
