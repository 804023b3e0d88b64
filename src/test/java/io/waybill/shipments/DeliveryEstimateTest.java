package io.waybill.shipments;

import static io.waybill.shipments.ShipmentStatus.DELIVERED;
import static io.waybill.shipments.ShipmentStatus.DELIVERY_FAILED;
import static io.waybill.shipments.ShipmentStatus.IN_TRANSIT;
import static io.waybill.shipments.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.shipments.ShipmentStatus.PICKED_UP;
import static io.waybill.shipments.ShipmentStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryEstimateTest {

    private static final LocalDate MON = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THU = MON.plusDays(3);

    @Test
    void shouldKeepAnEstimateStillAheadWhileTheParcelMoves() {
        assertThat(DeliveryEstimate.revised(THU, PICKED_UP, true, MON)).isEqualTo(THU);
        assertThat(DeliveryEstimate.revised(THU, IN_TRANSIT, false, WED)).isEqualTo(THU);
    }

    @Test
    void shouldExpectAParcelStillMovingOnItsEstimatedDayTheNextDay() {
        assertThat(DeliveryEstimate.revised(TUE, IN_TRANSIT, true, TUE)).isEqualTo(WED);
        assertThat(DeliveryEstimate.revised(MON, IN_TRANSIT, false, WED)).isEqualTo(THU);
    }

    @Test
    void shouldExpectDeliveryTodayOnceOutForDelivery() {
        assertThat(DeliveryEstimate.revised(THU, OUT_FOR_DELIVERY, true, TUE)).isEqualTo(TUE);
        assertThat(DeliveryEstimate.revised(TUE, OUT_FOR_DELIVERY, false, TUE)).as("a scan on the way").isEqualTo(TUE);
        assertThat(DeliveryEstimate.revised(MON, OUT_FOR_DELIVERY, false, TUE)).isEqualTo(TUE);
    }

    @Test
    void shouldAddADayForAFailedAttempt() {
        assertThat(DeliveryEstimate.revised(TUE, DELIVERY_FAILED, true, TUE)).isEqualTo(WED);
        assertThat(DeliveryEstimate.revised(WED, DELIVERY_FAILED, true, TUE)).isEqualTo(THU);
        assertThat(DeliveryEstimate.revised(WED, DELIVERY_FAILED, false, TUE)).as("a scan after it").isEqualTo(WED);
        assertThat(DeliveryEstimate.revised(null, DELIVERY_FAILED, true, TUE)).isEqualTo(WED);
    }

    @Test
    void shouldSettleOnTheDayOfDeliveryAndDropTheEstimateOfAReturn() {
        assertThat(DeliveryEstimate.revised(THU, DELIVERED, true, TUE)).isEqualTo(TUE);
        assertThat(DeliveryEstimate.revised(THU, RETURNED, true, TUE)).isNull();
    }

    @Test
    void shouldNotInventAnEstimateForAShipmentBookedBeforeEstimates() {
        assertThat(DeliveryEstimate.revised(null, IN_TRANSIT, true, TUE)).isNull();
    }

    @Test
    void shouldKeepEveryRevisionOfAShipmentsEstimateOnTheLocalDateOfEachEntry() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        UUID agent = UUID.randomUUID();
        Instant booked = Instant.parse("2026-11-23T04:00:00Z");
        Shipment shipment = Shipment.book(new TrackingNumber("TRK79927398713"), UUID.randomUUID(),
                new ShipmentDetails("Chennai", "Bangalore", null, null, BigDecimal.ONE, null), ServiceLevel.EXPRESS,
                TUE, kolkata, UUID.randomUUID(), booked).shipment();
        assertThat(shipment.latestUpdate().timeZone()).isEqualTo("Asia/Kolkata");

        shipment.changeStatus(PICKED_UP, "Chennai", null, kolkata, null, agent, Instant.parse("2026-11-23T06:00:00Z"));
        // 20:00 UTC on Monday is already Tuesday 01:30 in Chennai: the estimated day, so it slips a day.
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, kolkata, null, agent, Instant.parse("2026-11-23T20:00:00Z"));
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bangalore", null, kolkata, null, agent, Instant.parse("2026-11-25T03:00:00Z"));
        var produced = shipment.failDelivery(FailureReason.RECIPIENT_ABSENT, "Bangalore", null, kolkata, null,
                DeliveryPolicy.DEFAULT, agent, Instant.parse("2026-11-25T09:00:00Z"));

        assertThat(shipment.promisedDeliveryDate()).isEqualTo(TUE);
        assertThat(shipment.estimatedDelivery()).isEqualTo(THU);
        assertThat(shipment.estimateRevisions()).extracting(EstimateRevision::reason, EstimateRevision::estimatedDelivery,
                EstimateRevision::historySequence).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("booked", TUE, 0),
                        org.assertj.core.groups.Tuple.tuple("in_transit", WED, 2),
                        org.assertj.core.groups.Tuple.tuple("delivery_failed", THU, 4));
        assertThat(shipment.unsavedEstimateRevisions()).hasSize(3);
        assertThat(produced.get(0)).isInstanceOfSatisfying(ShipmentStatusChanged.class, changed -> {
            assertThat(changed.estimatedDelivery()).isEqualTo(THU);
            assertThat(changed.timeZone()).isEqualTo("Asia/Kolkata");
        });
    }
}
