package io.waybill.shipments;

import static io.waybill.shipments.ShipmentStatus.CANCELLED;
import static io.waybill.shipments.ShipmentStatus.CREATED;
import static io.waybill.shipments.ShipmentStatus.DELIVERED;
import static io.waybill.shipments.ShipmentStatus.DELIVERY_FAILED;
import static io.waybill.shipments.ShipmentStatus.IN_TRANSIT;
import static io.waybill.shipments.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.shipments.ShipmentStatus.PICKED_UP;
import static io.waybill.shipments.ShipmentStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentStatusTest {

    /**
     * The allowed moves as API.md lists them, spelled out as "from -> to" strings so that the
     * table does not borrow anything from the class under test.
     */
    private static final Set<String> ALLOWED_BY_API = Set.of(
            "created -> picked_up",
            "created -> in_transit",
            "created -> cancelled",
            "picked_up -> in_transit",
            "in_transit -> in_transit",
            "in_transit -> out_for_delivery",
            "out_for_delivery -> delivered",
            "out_for_delivery -> delivery_failed",
            "delivery_failed -> out_for_delivery",
            "delivery_failed -> in_transit",
            "delivery_failed -> returned");

    private static final Set<String> FINAL_BY_API = Set.of("delivered", "returned", "cancelled");

    static Stream<Arguments> everyPairOfStatuses() {
        return Arrays.stream(ShipmentStatus.values())
                .flatMap(from -> Arrays.stream(ShipmentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @Test
    void shouldHaveTheEightStatusesOfTheApi() {
        assertThat(Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::wireName))
                .containsExactlyInAnyOrder("created", "picked_up", "in_transit", "out_for_delivery", "delivered",
                        "delivery_failed", "returned", "cancelled");
        assertThat(everyPairOfStatuses()).hasSize(64);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void shouldAllowExactlyTheTransitionsTheApiLists(ShipmentStatus from, ShipmentStatus to) {
        boolean expected = ALLOWED_BY_API.contains(from.wireName() + " -> " + to.wireName());

        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(expected);
        assertThat(from.nextAllowed().contains(to)).as("nextAllowed of %s contains %s", from, to)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ShipmentStatus.class)
    void shouldBeFinalOnlyForDeliveredReturnedAndCancelled(ShipmentStatus status) {
        assertThat(status.isFinal()).isEqualTo(FINAL_BY_API.contains(status.wireName()));
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"DELIVERED", "RETURNED", "CANCELLED"})
    void shouldAllowNoMoveOutOfAFinalStatus(ShipmentStatus status) {
        assertThat(status.nextAllowed()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ShipmentStatus.class)
    void shouldCountEveryStatusButCreatedAsDispatched(ShipmentStatus status) {
        assertThat(status.isDispatched()).isEqualTo(status != CREATED);
    }

    @Test
    void shouldLetANewScanInTransitKeepTheStatus() {
        assertThat(IN_TRANSIT.canMoveTo(IN_TRANSIT)).isTrue();
        assertThat(PICKED_UP.canMoveTo(PICKED_UP)).isFalse();
        assertThat(OUT_FOR_DELIVERY.canMoveTo(OUT_FOR_DELIVERY)).isFalse();
    }

    @Test
    void shouldNotLetCallersChangeTheTableThroughNextAllowed() {
        Set<ShipmentStatus> next = CREATED.nextAllowed();

        assertThatThrownBy(() -> next.add(DELIVERED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(CREATED.canMoveTo(DELIVERED)).isFalse();
        assertThat(next).containsExactlyInAnyOrder(PICKED_UP, IN_TRANSIT, CANCELLED);
    }

    @Test
    void shouldUseTheLowerCaseNameOnTheWire() {
        assertThat(CREATED.wireName()).isEqualTo("created");
        assertThat(PICKED_UP.wireName()).isEqualTo("picked_up");
        assertThat(OUT_FOR_DELIVERY.wireName()).isEqualTo("out_for_delivery");
        assertThat(DELIVERY_FAILED.wireName()).isEqualTo("delivery_failed");
        assertThat(RETURNED.wireName()).isEqualTo("returned");
    }

    @ParameterizedTest
    @EnumSource(ShipmentStatus.class)
    void shouldReadBackItsOwnWireName(ShipmentStatus status) {
        assertThat(ShipmentStatus.fromWire(status.wireName())).contains(status);
    }

    @Test
    void shouldReadTheWireNameWhateverItsCaseAndSurroundingSpaces() {
        assertThat(ShipmentStatus.fromWire("  Out_For_Delivery ")).contains(OUT_FOR_DELIVERY);
        assertThat(ShipmentStatus.fromWire("DELIVERED")).contains(DELIVERED);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "shipped", "in transit", "in-transit", "picked up", "CREATED!", "0"})
    void shouldReadNothingFromAnUnknownWireName(String value) {
        assertThat(ShipmentStatus.fromWire(value)).isEmpty();
    }

    @Test
    void shouldListAllWireNamesForErrorMessages() {
        assertThat(ShipmentStatus.allWireNames()).isEqualTo(
                "created, picked_up, in_transit, out_for_delivery, delivered, delivery_failed, returned, cancelled");
    }
}
