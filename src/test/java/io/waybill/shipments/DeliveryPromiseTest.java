package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryPromiseTest {

    private static final LocalDate BOOKED_ON = LocalDate.of(2026, 11, 27);
    private static final DeliveryPromise DEFAULTS = new DeliveryPromise(5, 2);
    private static final List<TransitLane> LANES = List.of(
            new TransitLane("Chennai", "Bangalore", 2, 1),
            new TransitLane("Delhi", "Mumbai", 4, 2),
            new TransitLane("New Delhi", "Mumbai", 3, 1));

    @Test
    void shouldPromiseTheLanesTransitDaysForAStandardShipment() {
        Optional<TransitLane> lane = TransitLane.between(LANES, "7 Anna Salai, Chennai", "12 MG Road, Bangalore");

        assertThat(DEFAULTS.promisedDate(BOOKED_ON, ServiceLevel.STANDARD, lane)).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void shouldPromiseTheLanesExpressDaysForAnExpressShipment() {
        Optional<TransitLane> lane = TransitLane.between(LANES, "chennai", "BANGALORE");

        assertThat(DEFAULTS.promisedDate(BOOKED_ON, ServiceLevel.EXPRESS, lane)).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void shouldPromiseTheDefaultDaysWhenNoLaneJoinsTheCities() {
        // A lane is one way: Bangalore to Chennai is not the Chennai to Bangalore lane.
        Optional<TransitLane> lane = TransitLane.between(LANES, "Bangalore", "Chennai");

        assertThat(lane).isEmpty();
        assertThat(DEFAULTS.promisedDate(BOOKED_ON, ServiceLevel.STANDARD, lane)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(DEFAULTS.promisedDate(BOOKED_ON, ServiceLevel.EXPRESS, lane)).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void shouldCountCalendarDaysAcrossWeekendsAndMonths() {
        assertThat(new DeliveryPromise(5, 2).promisedDate(LocalDate.of(2026, 12, 30), ServiceLevel.STANDARD,
                Optional.empty())).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void shouldReadCitiesAsHubChoiceDoesPreferringTheLongestName() {
        assertThat(TransitLane.between(LANES, "4 Janpath, New Delhi", "Mumbai")).map(TransitLane::originCity)
                .contains("New Delhi");
        assertThat(TransitLane.between(LANES, "Chandni Chowk, Delhi", "Mumbai")).map(TransitLane::originCity)
                .contains("Delhi");
        assertThat(TransitLane.between(LANES, "Chennaipuram", "Bangalore")).isEmpty();
    }

    @Test
    void shouldTakeStandardWhenNoServiceLevelIsGivenAndRefuseAnUnknownOne() {
        assertThat(ServiceLevel.parse("service_level", null)).isEqualTo(ServiceLevel.STANDARD);
        assertThat(ServiceLevel.parse("service_level", " Express ")).isEqualTo(ServiceLevel.EXPRESS);
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ServiceLevel.parse("service_level", "overnight"));
        assertThat(refused.field()).isEqualTo("service_level");
    }

    @Test
    void shouldShowAPlaceInTheZoneOfTheHubItNamesElseTheDefault() {
        ZoneId fallback = ZoneId.of("UTC");
        List<HubPlace> hubs = List.of(new HubPlace(UUID.randomUUID(), null, "Chennai", "Asia/Kolkata"),
                new HubPlace(UUID.randomUUID(), null, "Berlin", "Europe/Berlin"),
                new HubPlace(UUID.randomUUID(), null, "Oslo", null));

        assertThat(HubPlace.zoneOf(hubs, "Chennai hub, dock 4", fallback)).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(HubPlace.zoneOf(hubs, "BERLIN Tegel", fallback)).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(HubPlace.zoneOf(hubs, "Oslo sorting centre", fallback)).isEqualTo(fallback);
        assertThat(HubPlace.zoneOf(hubs, "Somewhere else", fallback)).isEqualTo(fallback);
        assertThat(HubPlace.zoneOf(hubs, null, fallback)).isEqualTo(fallback);
    }
}
