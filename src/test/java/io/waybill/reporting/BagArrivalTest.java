package io.waybill.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BagArrivalTest {

    private static final Instant LANDING = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldBeOnTimeWhenScannedInBeforeItsFlightWasDue() {
        BagArrival early = new BagArrival(LANDING.minusSeconds(600), LANDING);

        assertThat(early.isTimed()).isTrue();
        assertThat(early.isOnTime()).isTrue();
    }

    @Test
    void shouldAllowTheTransferFromTheAircraftToTheHub() {
        assertThat(new BagArrival(LANDING.plus(BagArrival.TRANSFER_ALLOWANCE), LANDING).isOnTime()).isTrue();
        assertThat(new BagArrival(LANDING.plus(BagArrival.TRANSFER_ALLOWANCE).plusSeconds(1), LANDING).isOnTime())
                .isFalse();
    }

    @Test
    void shouldCountABagThatFlewOnNoFlightAsNeitherOnTimeNorLate() {
        BagArrival byRoad = new BagArrival(LANDING, null);

        assertThat(byRoad.isTimed()).isFalse();
        assertThat(byRoad.isOnTime()).isFalse();
    }

    @Test
    void shouldRateOnlyTheTimedArrivals() {
        assertThat(BagArrival.onTimeRate(7, 8)).isEqualTo(0.875);
        assertThat(BagArrival.onTimeRate(2, 3)).isEqualTo(0.667);
        assertThat(BagArrival.onTimeRate(0, 4)).isEqualTo(0.0);
        assertThat(BagArrival.onTimeRate(0, 0)).isNull();
    }
}
