package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which hub a booking starts from, as a pure function of the hubs and the source address. */
class HubChoiceTest {

    private static final Instant EARLY = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant LATE = Instant.parse("2025-06-01T08:00:00Z");

    private static Hub hub(String city, Instant created) {
        return new Hub(UUID.randomUUID(), city + " hub", city, null, null, null, created);
    }

    private static Hub hub(String id, String city, Instant created) {
        return new Hub(UUID.fromString(id), city + " hub", city, null, null, null, created);
    }

    @Test
    void shouldPreferNewDelhiOverDelhiForAnAddressInNewDelhi() {
        Hub delhi = hub("Delhi", EARLY);
        Hub newDelhi = hub("New Delhi", LATE);

        assertThat(HubChoice.forAddress(List.of(delhi, newDelhi), "4 Janpath, New Delhi 110001")).contains(newDelhi);
        assertThat(HubChoice.forAddress(List.of(newDelhi, delhi), "4 Janpath, New Delhi 110001")).contains(newDelhi);
    }

    @Test
    void shouldChooseDelhiForAnAddressInDelhiThatIsNotNewDelhi() {
        Hub delhi = hub("Delhi", LATE);
        Hub newDelhi = hub("New Delhi", EARLY);

        assertThat(HubChoice.forAddress(List.of(newDelhi, delhi), "Chandni Chowk, Delhi 110006")).contains(delhi);
    }

    @Test
    void shouldBreakATieOfTwoHubsInOneCityByTheOldest() {
        Hub newer = hub("Chennai", LATE);
        Hub older = hub("Chennai", EARLY);

        assertThat(HubChoice.forAddress(List.of(newer, older), "Anna Salai, Chennai")).contains(older);
        assertThat(HubChoice.forAddress(List.of(older, newer), "Anna Salai, Chennai")).contains(older);
    }

    @Test
    void shouldBreakATieOfTheSameAgeByIdSoEveryInstanceAgrees() {
        Hub first = hub("00000000-0000-0000-0000-000000000001", "Pune", EARLY);
        Hub second = hub("00000000-0000-0000-0000-000000000002", "Pune", EARLY);

        assertThat(HubChoice.forAddress(List.of(second, first), "Pune")).contains(first);
        assertThat(HubChoice.forAddress(List.of(first, second), "Pune")).contains(first);
    }

    @Test
    void shouldChooseTheLongerCityNameWhenTwoCitiesAppear() {
        Hub mumbai = hub("Mumbai", EARLY);
        Hub naviMumbai = hub("Navi Mumbai", LATE);

        assertThat(HubChoice.forAddress(List.of(mumbai, naviMumbai), "Sector 17, Vashi, Navi Mumbai"))
                .contains(naviMumbai);
    }

    @Test
    void shouldMatchWholeWordsOnly() {
        Hub delhi = hub("Delhi", EARLY);

        assertThat(HubChoice.forAddress(List.of(delhi), "Delhiwala Street, Jaipur")).isEmpty();
    }

    @Test
    void shouldLeaveAnAddressWithoutAHubUnrouted() {
        assertThat(HubChoice.forAddress(List.of(hub("Chennai", EARLY)), "MG Road, Bangalore")).isEmpty();
        assertThat(HubChoice.forAddress(List.of(), "MG Road, Bangalore")).isEqualTo(Optional.empty());
        assertThat(HubChoice.forAddress(List.of(hub("Chennai", EARLY)), null)).isEmpty();
    }
}
