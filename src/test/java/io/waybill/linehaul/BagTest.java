package io.waybill.linehaul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.ConflictException;
import io.waybill.shipments.ParcelAtHub;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.TrackingNumber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which shipments a bag takes at its origin hub: those starting there, and those on their next leg there. */
class BagTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final UUID DEL = UUID.randomUUID();
    private static final UUID BOM = UUID.randomUUID();
    private static final UUID MAA = UUID.randomUUID();
    private static final Random RANDOM = new Random(12);

    private static Bag bag(UUID origin, UUID destination) {
        return Bag.open(BagCode.random(RANDOM), origin, destination, NOW);
    }

    private static ParcelAtHub parcel(UUID routedHub, ShipmentStatus status) {
        return new ParcelAtHub(UUID.randomUUID(), TrackingNumber.random(RANDOM), status, routedHub);
    }

    @Test
    void shouldTakeShipmentsRoutedToItsOriginHubThatHaveNotLeftIt() {
        Bag bag = bag(DEL, BOM);
        ParcelAtHub booked = parcel(DEL, ShipmentStatus.CREATED);
        ParcelAtHub pickedUp = parcel(DEL, ShipmentStatus.PICKED_UP);

        bag.add(List.of(booked, pickedUp), NOW);

        assertThat(bag.shipmentsInOrder()).containsExactly(booked.shipmentId(), pickedUp.shipmentId());
    }

    @Test
    void shouldTakeAShipmentForItsNextLegAtTheHubWhereItsLastBagWasOpened() {
        ParcelAtHub carried = parcel(DEL, ShipmentStatus.IN_TRANSIT);
        Bag nextLeg = bag(BOM, MAA);

        nextLeg.add(List.of(carried), Map.of(carried.shipmentId(), BOM), NOW);

        assertThat(nextLeg.shipmentIds()).containsExactly(carried.shipmentId());
    }

    @Test
    void shouldRefuseAShipmentWhoseLastBagWasOpenedAtAnotherHub() {
        ParcelAtHub carried = parcel(DEL, ShipmentStatus.IN_TRANSIT);
        Bag elsewhere = bag(MAA, DEL);

        assertThatThrownBy(() -> elsewhere.add(List.of(carried), Map.of(carried.shipmentId(), BOM), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("arrived in a bag opened at another hub");
        assertThat(elsewhere.shipmentIds()).isEmpty();
    }

    @Test
    void shouldRefuseAShipmentThatMovedOnFromTheHubWhereItsBagWasOpened() {
        ParcelAtHub outForDelivery = parcel(DEL, ShipmentStatus.OUT_FOR_DELIVERY);
        Bag nextLeg = bag(BOM, MAA);

        assertThatThrownBy(() -> nextLeg.add(List.of(outForDelivery), Map.of(outForDelivery.shipmentId(), BOM), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("it is out_for_delivery, so it already left the hub");
    }

    @Test
    void shouldRefuseAShipmentInTransitThatNoBagBroughtToTheOriginHub() {
        ParcelAtHub onItsOwn = parcel(BOM, ShipmentStatus.IN_TRANSIT);
        ParcelAtHub leftDelhi = parcel(DEL, ShipmentStatus.IN_TRANSIT);
        Bag bag = bag(BOM, MAA);

        assertThatThrownBy(() -> bag.add(List.of(onItsOwn), Map.of(), NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("so it already left the hub");
        assertThatThrownBy(() -> bag.add(List.of(leftDelhi), Map.of(), NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not routed to the bag's origin hub");
    }

    @Test
    void shouldRefuseTheWholeRequestWhenOneShipmentDoesNotWait() {
        Bag bag = bag(DEL, BOM);
        ParcelAtHub waiting = parcel(DEL, ShipmentStatus.CREATED);
        ParcelAtHub elsewhere = parcel(MAA, ShipmentStatus.CREATED);

        assertThatThrownBy(() -> bag.add(List.of(waiting, elsewhere), NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(elsewhere.trackingNumber().value());
        assertThat(bag.shipmentIds()).isEmpty();
    }

    @Test
    void shouldRefuseShipmentsOnceSealed() {
        Bag bag = bag(DEL, BOM);
        bag.add(List.of(parcel(DEL, ShipmentStatus.CREATED)), NOW);
        bag.seal(NOW);

        assertThatThrownBy(() -> bag.add(List.of(parcel(DEL, ShipmentStatus.CREATED)), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("sealed");
    }
}
