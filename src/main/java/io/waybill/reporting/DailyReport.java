package io.waybill.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One day's report, in the shape of GET /admin/reports. */
public record DailyReport(LocalDate date, long totalShipmentsToday, long delivered, long inTransit,
        long outForDelivery, long cancelled, Map<String, Long> byStatus, List<HubLine> byHub) {

    public record HubLine(UUID hubId, String hubName, String city, long shipmentsBooked, long delivered) {
    }
}
