package io.waybill.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocationBatch.Rules RULES = new LocationBatch.Rules(Duration.ofHours(24),
            Duration.ofMinutes(2));

    @Test
    void shouldAcceptPointsTakenWithinTheLastDayAndAMomentAhead() {
        LocationBatch batch = judge(at(NOW.minus(Duration.ofHours(23).plusMinutes(59))), at(NOW),
                at(NOW.plusSeconds(119)));

        assertThat(batch.accepted()).extracting(LocationBatch.Accepted::index).containsExactly(0, 1, 2);
        assertThat(batch.refused()).isEmpty();
    }

    @Test
    void shouldRefuseAPointTakenMoreThanADayBeforeItArrived() {
        LocationBatch batch = judge(at(NOW.minus(Duration.ofHours(24)).minusSeconds(1)), at(NOW.minusSeconds(30)));

        assertThat(batch.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.index()).isZero();
            assertThat(refused.reason()).isEqualTo(LocationBatch.Reason.TOO_OLD);
            assertThat(refused.field()).isEqualTo("recorded_at");
            assertThat(refused.detail()).contains("24 h");
        });
        assertThat(batch.accepted()).extracting(LocationBatch.Accepted::index).containsExactly(1);
    }

    @Test
    void shouldRefuseAPointInTheFutureBeyondTheClockSkew() {
        LocationBatch batch = judge(at(NOW.plusSeconds(121)));

        assertThat(batch.refused()).extracting(LocationBatch.Refused::reason)
                .containsExactly(LocationBatch.Reason.IN_FUTURE);
        assertThat(batch.newest()).isEmpty();
    }

    @Test
    void shouldRefuseImpossibleOrMissingFieldsNamingTheField() {
        LocationBatch batch = judge(new ReportedPoint(90.5, 10.0, 5.0, NOW), new ReportedPoint(-91.0, 10.0, 5.0, NOW),
                new ReportedPoint(10.0, 180.01, 5.0, NOW), new ReportedPoint(10.0, null, 5.0, NOW),
                new ReportedPoint(null, 10.0, 5.0, NOW), new ReportedPoint(10.0, 10.0, -1.0, NOW),
                new ReportedPoint(10.0, 10.0, 5.0, null), new ReportedPoint(Double.NaN, 10.0, 5.0, NOW), null,
                new ReportedPoint(-90.0, 180.0, null, NOW));

        assertThat(batch.refused()).extracting(LocationBatch.Refused::field).containsExactly("lat", "lat", "lon",
                "lon", "lat", "accuracy_m", "recorded_at", "lat", null);
        assertThat(batch.refused()).extracting(LocationBatch.Refused::reason).containsOnly(LocationBatch.Reason.INVALID);
        assertThat(batch.accepted()).extracting(LocationBatch.Accepted::index).containsExactly(9);
    }

    @Test
    void shouldOfferTheNewestAcceptedPointAsTheLatestPosition() {
        LocationBatch batch = judge(at(NOW.minusSeconds(10)), at(NOW.minusSeconds(5)), at(NOW.minusSeconds(60)),
                at(NOW.plusSeconds(600)));

        assertThat(batch.newest()).get().extracting(LocationPoint::recordedAt).isEqualTo(NOW.minusSeconds(5));
    }

    @Test
    void shouldRefuseAnEmptyBatchOrOneOfMoreThanAHundredPointsWhole() {
        assertThatThrownBy(() -> LocationBatch.judge(List.of(), NOW, RULES)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> LocationBatch.judge(null, NOW, RULES)).isInstanceOf(InvalidRequestException.class);
        List<ReportedPoint> many = new ArrayList<>(Collections.nCopies(101, at(NOW)));
        assertThatThrownBy(() -> LocationBatch.judge(many, NOW, RULES)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("100");

        assertThat(LocationBatch.judge(many.subList(0, 100), NOW, RULES).accepted()).hasSize(100);
    }

    @Test
    void shouldKeepTimesToTheMicrosecondAsTheyAreStored() {
        LocationBatch batch = judge(at(Instant.parse("2026-11-23T09:59:59.123456789Z")));

        assertThat(batch.acceptedPoints()).singleElement().extracting(LocationPoint::recordedAt)
                .isEqualTo(Instant.parse("2026-11-23T09:59:59.123456Z"));
    }

    @Test
    void shouldBoundATrailWindowAndDefaultToTheLastHour() {
        assertThat(TrailWindow.of(null, null, NOW, Duration.ofHours(24)))
                .isEqualTo(new TrailWindow(NOW.minus(Duration.ofHours(1)), NOW));
        assertThatThrownBy(() -> TrailWindow.of(NOW.minus(Duration.ofHours(25)), NOW, NOW, Duration.ofHours(24)))
                .isInstanceOf(io.waybill.kernel.BadParameterException.class);
        assertThatThrownBy(() -> TrailWindow.of(NOW, NOW, NOW, Duration.ofHours(24)))
                .isInstanceOf(io.waybill.kernel.BadParameterException.class);
    }

    private static LocationBatch judge(ReportedPoint... points) {
        return LocationBatch.judge(Arrays.asList(points), NOW, RULES);
    }

    private static ReportedPoint at(Instant recordedAt) {
        return new ReportedPoint(12.97, 77.59, 10.0, recordedAt);
    }
}
