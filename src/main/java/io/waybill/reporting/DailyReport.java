package io.waybill.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One day's report, in the shape of GET /admin/reports; {@code cashOutstanding} is as of now, whatever
 * the day.
 */
public record DailyReport(LocalDate date, long totalShipmentsToday, long delivered, long inTransit,
        long outForDelivery, long cancelled, long newUsers, Map<String, Long> byStatus, List<HubLine> byHub,
        DeliveryPerformance deliveryPerformance, FailedDeliveries failedDeliveries, List<AgentCash> cashOutstanding,
        Support support, List<AgentRating> agentRatings, List<LaneLine> lanes) {

    /**
     * Line haul on one lane that day: bags sealed for it and the shipments in them, bags arrived at
     * the destination hub, how many of those had a due time and how many kept it
     * ({@link BagArrival}), and the on-time rate of those (null when none had a due time).
     */
    public record LaneLine(UUID originHubId, String originHubName, UUID destinationHubId, String destinationHubName,
            long bags, long shipments, long bagsArrived, long arrivalsTimed, long arrivalsOnTime, Double onTimeRate) {
    }

    /** An agent's cash on delivery in one currency, in minor units: collected, remitted, still held. */
    public record AgentCash(UUID agentId, String currency, long collectedMinor, long remittedMinor,
            long outstandingMinor) {
    }

    /**
     * Support tickets: how many were opened that day, and the time from opening to staff's first reply
     * of the tickets first answered that day (average and 90th percentile, in hours; null when none).
     */
    public record Support(long ticketsOpened, long firstResponses, Double averageFirstResponseHours,
            Double p90FirstResponseHours) {
    }

    /** An agent's delivery ratings as they stand (all time, a changed rating counted once): average and count. */
    public record AgentRating(UUID agentId, double averageRating, long ratings) {
    }

    /**
     * The day's failed delivery attempts: in total and per reason code, and per hub (the hub each
     * shipment was routed to). Every reason code is listed, with 0 where none failed for it.
     */
    public record FailedDeliveries(long total, Map<String, Long> byReason, List<HubFailures> byHub) {
    }

    public record HubFailures(UUID hubId, String hubName, long total, Map<String, Long> byReason) {
    }

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
