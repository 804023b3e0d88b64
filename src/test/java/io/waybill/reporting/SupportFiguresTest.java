package io.waybill.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupportFiguresTest {

    @Test
    void shouldGiveTheAverageAndNinetiethPercentileOfTheFirstResponses() {
        List<Double> hours = List.of(10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);

        DailyReport.Support support = ReportService.support(new CareFigures.Support(12, hours));

        assertThat(support.ticketsOpened()).isEqualTo(12);
        assertThat(support.firstResponses()).isEqualTo(10);
        assertThat(support.averageFirstResponseHours()).isEqualTo(5.5);
        assertThat(support.p90FirstResponseHours()).isEqualTo(9.0);
    }

    @Test
    void shouldGiveNoTimesForADayWithoutFirstResponses() {
        DailyReport.Support support = ReportService.support(new CareFigures.Support(3, List.of()));

        assertThat(support.firstResponses()).isZero();
        assertThat(support.averageFirstResponseHours()).isNull();
        assertThat(support.p90FirstResponseHours()).isNull();
    }
}
