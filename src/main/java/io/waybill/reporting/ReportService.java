package io.waybill.reporting;

import io.waybill.kernel.BadParameterException;
import io.waybill.shipments.FailureReason;
import io.waybill.shipments.ShipmentStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one day's counters from the reporting read model and names the hubs from its copy of them. */
@Service
public class ReportService {

    private static final long[] NOTHING = {0, 0};

    private final ReportingStore store;
    private final HubNames hubs;
    private final CareFigures care;
    private final LaneFigures lanes;
    private final Clock clock;

    ReportService(ReportingStore store, HubNames hubs, CareFigures care, LaneFigures lanes, Clock clock) {
        this.store = store;
        this.lanes = lanes;
        this.care = care;
        this.hubs = hubs;
        this.clock = clock;
    }

    /** One connection for the report's few reads, rather than one from the pool for each. */
    @Transactional(readOnly = true)
    public DailyReport daily(LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ReportingStore.DayFigures figures = store.figures(day);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ShipmentStatus status : ShipmentStatus.values()) {
            byStatus.put(status.wireName(), figures.byStatus().getOrDefault(status.wireName(), 0L));
        }
        List<DailyReport.HubLine> byHub = hubs.live().stream()
                .map(hub -> {
                    long[] counts = figures.byHub().getOrDefault(hub.hubId(), NOTHING);
                    return new DailyReport.HubLine(hub.hubId(), hub.hubName(), hub.city(), counts[0], counts[1]);
                })
                .toList();
        return new DailyReport(day, figures.totals().booked(), byStatus.get("delivered"), byStatus.get("in_transit"),
                byStatus.get("out_for_delivery"), byStatus.get("cancelled"), figures.totals().usersRegistered(),
                byStatus, byHub, performance(figures), failedDeliveries(store.failures(day)), store.cashOutstanding(),
                support(care.support(day)), care.agentRatings(), lanes(day));
    }

    /** The day's lanes, their hubs named from the copy of the hubs (a hub it does not know is unnamed). */
    private List<DailyReport.LaneLine> lanes(LocalDate day) {
        Map<java.util.UUID, String> names = new java.util.HashMap<>();
        hubs.live().forEach(hub -> names.put(hub.hubId(), hub.hubName()));
        return lanes.day(day).stream().map(lane -> new DailyReport.LaneLine(lane.originHubId(),
                names.get(lane.originHubId()), lane.destinationHubId(), names.get(lane.destinationHubId()),
                lane.bags(), lane.shipments(), lane.bagsArrived(), lane.arrivalsTimed(), lane.arrivalsOnTime(),
                BagArrival.onTimeRate(lane.arrivalsOnTime(), lane.arrivalsTimed())))
                .toList();
    }

    /** The longest trend the dashboard asks for; a longer one would read too many counter rows at once. */
    public static final int MAX_TREND_DAYS = 366;

    /**
     * The figures of the {@code days} days that end on {@code to} (UTC, today by default), day by day
     * and over the period.
     */
    @Transactional(readOnly = true)
    public ReportTrend trend(LocalDate to, int days) {
        if (days < 1 || days > MAX_TREND_DAYS) {
            throw new BadParameterException("days", "must be from 1 to " + MAX_TREND_DAYS);
        }
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = last.minusDays(days - 1L);
        return ReportTrend.of(first, last, store.figures(first, last), hubs.live());
    }

    static DailyReport.Support support(CareFigures.Support figures) {
        List<Double> hours = figures.firstResponseHours();
        if (hours.isEmpty()) {
            return new DailyReport.Support(figures.ticketsOpened(), 0, null, null);
        }
        List<Double> sorted = hours.stream().sorted().toList();
        double average = sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // Nearest rank: the smallest time that at least 90 % of the first responses took or beat.
        double p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        return new DailyReport.Support(figures.ticketsOpened(), sorted.size(), round(average), round(p90));
    }

    private DailyReport.FailedDeliveries failedDeliveries(ReportingStore.FailureFigures failures) {
        List<DailyReport.HubFailures> byHub = hubs.live().stream()
                .map(hub -> {
                    Map<String, Long> reasons = everyReason(failures.byHub().getOrDefault(hub.hubId(), Map.of()));
                    return new DailyReport.HubFailures(hub.hubId(), hub.hubName(), total(reasons), reasons);
                })
                .toList();
        Map<String, Long> byReason = everyReason(failures.byReason());
        return new DailyReport.FailedDeliveries(total(byReason), byReason, byHub);
    }

    private static Map<String, Long> everyReason(Map<String, Long> counted) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (FailureReason reason : FailureReason.values()) {
            all.put(reason.wireName(), counted.getOrDefault(reason.wireName(), 0L));
        }
        return all;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static DailyReport.DeliveryPerformance performance(ReportingStore.DayFigures figures) {
        ReportingStore.DayFigures.Totals totals = figures.totals();
        long delivered = totals.delivered();
        if (delivered == 0) {
            return new DailyReport.DeliveryPerformance(0, null, null, null);
        }
        return new DailyReport.DeliveryPerformance(delivered,
                round(totals.deliveryHoursSum() / delivered),
                p90Hours(figures.durationBuckets(), delivered),
                round((double) totals.deliveredFirstAttempt() / delivered));
    }

    /** The upper edge of the bucket that holds the 90th percentile delivery. */
    static double p90Hours(List<long[]> buckets, long delivered) {
        long rank = (long) Math.ceil(0.9 * delivered);
        long seen = 0;
        for (long[] bucket : buckets) {
            seen += bucket[1];
            if (seen >= rank) {
                return (bucket[0] + 1) / (double) ReportingStore.DayFigures.BUCKETS_PER_HOUR;
            }
        }
        return buckets.isEmpty() ? 0 : (buckets.get(buckets.size() - 1)[0] + 1)
                / (double) ReportingStore.DayFigures.BUCKETS_PER_HOUR;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
