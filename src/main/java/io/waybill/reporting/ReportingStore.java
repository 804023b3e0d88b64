package io.waybill.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The reporting read model: counters kept by {@link ReportingProjection}, read by {@link ReportService}. */
public interface ReportingStore {

    void userRegistered(LocalDate day);

    /** Records a booking; returns the hub the shipment was already routed to, if its assignment came first. */
    Optional<UUID> booked(UUID shipmentId, LocalDate day);

    /** Records the first routing of a shipment; returns its booking day and delivery day where known. */
    Optional<ShipmentDays> routed(UUID shipmentId, UUID hubId);

    /** Counts a shipment in a status on a day, once. */
    void enteredStatus(LocalDate day, String status, UUID shipmentId);

    /** Records a delivery; returns the shipment's hub where known. */
    Optional<UUID> delivered(UUID shipmentId, LocalDate day, double hours, boolean firstAttempt);

    void countHubBooking(LocalDate day, UUID hubId);

    void countHubDelivery(LocalDate day, UUID hubId);

    DayFigures figures(LocalDate day);

    /** Counts a failed delivery attempt on a day for a reason, and for the hub when there is one. */
    void deliveryFailed(LocalDate day, UUID hubId, String reason);

    /** The day's failed attempts per reason, and per hub and reason. */
    FailureFigures failures(LocalDate day);

    /** Adds cash an agent collected ({@code collectedMinor}) or remitted ({@code remittedMinor}) in a currency. */
    void agentCash(UUID agentId, String currency, long collectedMinor, long remittedMinor);

    /** Every agent's cash that is collected and not remitted, per currency, the most outstanding first. */
    List<DailyReport.AgentCash> cashOutstanding();

    /** The counters of every day from {@code from} to {@code to}, both included, read at once for a trend. */
    RangeFigures figures(LocalDate from, LocalDate to);

    record FailureFigures(Map<String, Long> byReason, Map<UUID, Map<String, Long>> byHub) {
    }

    /** A shipment's booking and delivery days, either possibly unknown yet. */
    record ShipmentDays(LocalDate bookedOn, LocalDate deliveredOn) {
    }

    /**
     * Everything the report of one day reads. Hubs map to {booked, delivered}; duration buckets are
     * {bucket, deliveries} pairs, a bucket being a quarter of an hour from booking to delivery.
     */
    record DayFigures(Totals totals, Map<String, Long> byStatus, Map<UUID, long[]> byHub,
            List<long[]> durationBuckets) {

        public static final int BUCKETS_PER_HOUR = 4;

        public record Totals(long booked, long usersRegistered, long delivered, long deliveredFirstAttempt,
                double deliveryHoursSum) {
        }
    }

    /**
     * A period's counters: per day, the totals, the duration buckets ({bucket, deliveries} pairs) and the
     * failed attempts (days without any are absent); over the whole period, the failed attempts per
     * reason and each hub's {booked, delivered}.
     */
    record RangeFigures(Map<LocalDate, DayFigures.Totals> totals, Map<LocalDate, List<long[]>> durationBuckets,
            Map<LocalDate, Long> failures, Map<String, Long> failuresByReason, Map<UUID, long[]> byHub) {
    }
}
