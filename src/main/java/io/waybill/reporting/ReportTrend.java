package io.waybill.reporting;

import io.waybill.shipments.FailureReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a period of days (UTC), day by day and over the whole period: what the dashboard
 * charts. The delivery rate is the share of delivery attempts that ended in a delivery (delivered,
 * over delivered plus failed attempts); the hours run from booking to delivery, the 90th percentile
 * to a quarter of an hour; the first-attempt rate is the share of deliveries made at the first
 * attempt. A rate or time is null where nothing was attempted or delivered.
 *
 * @param days       every day of the period, oldest first, with zeros where nothing happened
 * @param period     the same figures over the whole period
 * @param byHub      each hub's bookings and deliveries over the period (the hub a shipment was routed to)
 * @param byReason   the period's failed attempts per reason code, every code listed
 */
public record ReportTrend(LocalDate from, LocalDate to, List<Day> days, Figures period, List<DailyReport.HubLine> byHub,
        Map<String, Long> byReason) {

    public record Day(LocalDate date, Figures figures) {
    }

    public record Figures(long booked, long delivered, long failedAttempts, Double deliveryRate, Double averageHours,
            Double p90Hours, Double firstAttemptRate) {
    }

    /** The trend of the days from {@code from} to {@code to} (both included) out of their counters. */
    static ReportTrend of(LocalDate from, LocalDate to, ReportingStore.RangeFigures counters,
            List<HubNames.Named> hubs) {
        ReportingStore.DayFigures.Totals none = new ReportingStore.DayFigures.Totals(0, 0, 0, 0, 0);
        List<Day> days = new ArrayList<>();
        long booked = 0;
        long delivered = 0;
        long firstAttempt = 0;
        long failed = 0;
        double hours = 0;
        TreeMap<Long, Long> buckets = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ReportingStore.DayFigures.Totals totals = counters.totals().getOrDefault(day, none);
            List<long[]> durations = counters.durationBuckets().getOrDefault(day, List.of());
            long failures = counters.failures().getOrDefault(day, 0L);
            days.add(new Day(day, figures(totals.booked(), totals.delivered(), totals.deliveredFirstAttempt(), failures,
                    totals.deliveryHoursSum(), durations)));
            booked += totals.booked();
            delivered += totals.delivered();
            firstAttempt += totals.deliveredFirstAttempt();
            failed += failures;
            hours += totals.deliveryHoursSum();
            for (long[] bucket : durations) {
                buckets.merge(bucket[0], bucket[1], Long::sum);
            }
        }
        List<long[]> merged = buckets.entrySet().stream().map(entry -> new long[] {entry.getKey(), entry.getValue()})
                .toList();
        Figures period = figures(booked, delivered, firstAttempt, failed, hours, merged);
        long[] nothing = {0, 0};
        List<DailyReport.HubLine> byHub = hubs.stream().map(hub -> {
            long[] counts = counters.byHub().getOrDefault(hub.hubId(), nothing);
            return new DailyReport.HubLine(hub.hubId(), hub.hubName(), hub.city(), counts[0], counts[1]);
        }).toList();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (FailureReason reason : FailureReason.values()) {
            byReason.put(reason.wireName(), counters.failuresByReason().getOrDefault(reason.wireName(), 0L));
        }
        return new ReportTrend(from, to, List.copyOf(days), period, byHub, byReason);
    }

    private static Figures figures(long booked, long delivered, long firstAttempt, long failed, double hoursSum,
            List<long[]> buckets) {
        long attempts = delivered + failed;
        Double rate = attempts == 0 ? null : round((double) delivered / attempts);
        if (delivered == 0) {
            return new Figures(booked, 0, failed, rate, null, null, null);
        }
        return new Figures(booked, delivered, failed, rate, round(hoursSum / delivered),
                ReportService.p90Hours(buckets, delivered), round((double) firstAttempt / delivered));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
