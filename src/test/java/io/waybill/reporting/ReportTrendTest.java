package io.waybill.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportTrendTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final UUID CHENNAI = UUID.randomUUID();
    private static final UUID MUMBAI = UUID.randomUUID();

    @Test
    void shouldListEveryDayOfThePeriodWithZerosWhereNothingHappened() {
        ReportTrend trend = ReportTrend.of(MONDAY, WEDNESDAY, counters(), List.of());

        assertThat(trend.days()).extracting(ReportTrend.Day::date).containsExactly(MONDAY, TUESDAY, WEDNESDAY);
        ReportTrend.Figures quiet = trend.days().get(1).figures();
        assertThat(quiet.booked()).isZero();
        assertThat(quiet.delivered()).isZero();
        assertThat(quiet.deliveryRate()).isNull();
        assertThat(quiet.averageHours()).isNull();
        assertThat(quiet.p90Hours()).isNull();
        assertThat(quiet.firstAttemptRate()).isNull();
    }

    @Test
    void shouldGiveEachDaysDeliveryRateTimesAndFirstAttemptRate() {
        ReportTrend trend = ReportTrend.of(MONDAY, WEDNESDAY, counters(), List.of());

        ReportTrend.Figures monday = trend.days().get(0).figures();
        assertThat(monday.booked()).isEqualTo(5);
        assertThat(monday.delivered()).isEqualTo(3);
        assertThat(monday.failedAttempts()).isEqualTo(1);
        assertThat(monday.deliveryRate()).isEqualTo(0.75);
        assertThat(monday.averageHours()).isEqualTo(10.0);
        // Two of three within the first hour's buckets, the third in the bucket of 20 h: the 90th percentile is there.
        assertThat(monday.p90Hours()).isEqualTo(20.25);
        assertThat(monday.firstAttemptRate()).isEqualTo(0.667);

        ReportTrend.Figures wednesday = trend.days().get(2).figures();
        assertThat(wednesday.deliveryRate()).isZero();
        assertThat(wednesday.delivered()).isZero();
        assertThat(wednesday.failedAttempts()).isEqualTo(2);
    }

    @Test
    void shouldAddThePeriodUpFromItsDaysAndTheirMergedDurations() {
        ReportTrend.Figures period = ReportTrend.of(MONDAY, WEDNESDAY, counters(), List.of()).period();

        assertThat(period.booked()).isEqualTo(7);
        assertThat(period.delivered()).isEqualTo(3);
        assertThat(period.failedAttempts()).isEqualTo(3);
        assertThat(period.deliveryRate()).isEqualTo(0.5);
        assertThat(period.averageHours()).isEqualTo(10.0);
        assertThat(period.p90Hours()).isEqualTo(20.25);
    }

    @Test
    void shouldNameEveryLiveHubAndListEveryReasonCode() {
        ReportTrend trend = ReportTrend.of(MONDAY, WEDNESDAY, counters(),
                List.of(new HubNames.Named(CHENNAI, "Chennai hub", "Chennai"),
                        new HubNames.Named(MUMBAI, "Mumbai hub", "Mumbai")));

        assertThat(trend.byHub()).extracting(DailyReport.HubLine::hubName, DailyReport.HubLine::shipmentsBooked,
                DailyReport.HubLine::delivered).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Chennai hub", 4L, 2L),
                        org.assertj.core.groups.Tuple.tuple("Mumbai hub", 0L, 0L));
        assertThat(trend.byReason()).containsEntry("recipient_absent", 2L).containsEntry("address_incorrect", 1L);
        assertThat(trend.byReason().values()).contains(0L);
    }

    private static ReportingStore.RangeFigures counters() {
        return new ReportingStore.RangeFigures(
                Map.of(MONDAY, new ReportingStore.DayFigures.Totals(5, 1, 3, 2, 30.0),
                        WEDNESDAY, new ReportingStore.DayFigures.Totals(2, 0, 0, 0, 0)),
                Map.of(MONDAY, List.of(new long[] {1, 1}, new long[] {3, 1}, new long[] {80, 1})),
                Map.of(MONDAY, 1L, WEDNESDAY, 2L),
                Map.of("recipient_absent", 2L, "address_incorrect", 1L),
                Map.of(CHENNAI, new long[] {4, 2}));
    }
}
