package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeliveryRoundTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final RandomGenerator RANDOM = new java.util.Random(7);

    @Test
    void shouldPutStopsAtTheDoorFirstThenRetriesThenThoseStillOnTheirWay() {
        ShipmentView booked = shipment(ShipmentStatus.CREATED, null, "1 A Street");
        ShipmentView pickedUp = shipment(ShipmentStatus.PICKED_UP, null, "1 A Street");
        ShipmentView inTransit = shipment(ShipmentStatus.IN_TRANSIT, null, "1 A Street");
        ShipmentView failed = shipment(ShipmentStatus.DELIVERY_FAILED, null, "1 A Street");
        ShipmentView atTheDoor = shipment(ShipmentStatus.OUT_FOR_DELIVERY, null, "1 A Street");

        assertThat(DeliveryRound.of(List.of(booked, pickedUp, inTransit, failed, atTheDoor)))
                .containsExactly(atTheDoor, failed, inTransit, pickedUp, booked);
    }

    @Test
    void shouldLeaveOutShipmentsWithAFinalStatus() {
        ShipmentView delivered = shipment(ShipmentStatus.DELIVERED, null, "1 A Street");
        ShipmentView returned = shipment(ShipmentStatus.RETURNED, null, "1 A Street");
        ShipmentView cancelled = shipment(ShipmentStatus.CANCELLED, null, "1 A Street");
        ShipmentView open = shipment(ShipmentStatus.IN_TRANSIT, null, "1 A Street");

        assertThat(DeliveryRound.of(List.of(delivered, returned, cancelled, open))).containsExactly(open);
    }

    @Test
    void shouldOrderTheSameStatusByPromisedDateWithUndatedOnesLast() {
        ShipmentView undated = shipment(ShipmentStatus.OUT_FOR_DELIVERY, null, "1 A Street");
        ShipmentView later = shipment(ShipmentStatus.OUT_FOR_DELIVERY, MONDAY.plusDays(2), "1 A Street");
        ShipmentView sooner = shipment(ShipmentStatus.OUT_FOR_DELIVERY, MONDAY, "9 Z Street");

        assertThat(DeliveryRound.of(List.of(undated, later, sooner))).containsExactly(sooner, later, undated);
    }

    @Test
    void shouldKeepAStreetsStopsTogetherWhateverTheirCase() {
        ShipmentView b = shipment(ShipmentStatus.OUT_FOR_DELIVERY, MONDAY, "b Street 2");
        ShipmentView a = shipment(ShipmentStatus.OUT_FOR_DELIVERY, MONDAY, "A Street 5");
        ShipmentView bUpper = shipment(ShipmentStatus.OUT_FOR_DELIVERY, MONDAY, "B Street 1");

        assertThat(DeliveryRound.of(List.of(b, a, bUpper))).containsExactly(a, bUpper, b);
    }

    @Test
    void shouldRankTheStatusBeforeThePromisedDate() {
        ShipmentView urgentInTransit = shipment(ShipmentStatus.IN_TRANSIT, MONDAY, "1 A Street");
        ShipmentView laterAtTheDoor = shipment(ShipmentStatus.OUT_FOR_DELIVERY, MONDAY.plusDays(5), "1 A Street");

        assertThat(List.of(urgentInTransit, laterAtTheDoor).stream().sorted(DeliveryRound.ORDER).toList())
                .containsExactly(laterAtTheDoor, urgentInTransit);
    }

    private static ShipmentView shipment(ShipmentStatus status, LocalDate promised, String destination) {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        return new ShipmentView(UUID.randomUUID(), TrackingNumber.random(RANDOM), status, null,
                new ShipmentDetails("12 Anna Salai, Chennai", destination, null, null, null, null),
                UUID.randomUUID(), UUID.randomUUID(), null, now, now, ServiceLevel.STANDARD, promised, null, null,
                null);
    }
}
