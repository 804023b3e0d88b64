package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HubTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");

    private static Hub hubIn(String city) {
        return new Hub(UUID.randomUUID(), city + " hub", city, null, null, null, CREATED);
    }

    private static Hub at(Double latitude, Double longitude) {
        return new Hub(UUID.randomUUID(), "Chennai hub", "Chennai", null, latitude, longitude, CREATED);
    }

    private static void assertRefused(ThrowingCallable making, String field) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, making);
        assertThat(refused).as("refused on %s", field).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
    }

    // --- which addresses a hub serves ---

    @ParameterizedTest
    @ValueSource(strings = {
        "12 Anna Salai, Chennai 600002",
        "Chennai",
        "chennai",
        "12 ANNA SALAI, CHENNAI",
        "Chennai-600002",
        "T. Nagar (Chennai)",
        "Guindy,Chennai,Tamil Nadu"
    })
    void shouldServeAnAddressThatNamesItsCityAsAWord(String address) {
        assertThat(hubIn("Chennai").serves(address)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "12 Chennaiville Road, Springfield",
        "Chennaiville",
        "NewChennai",
        "Chennai600002",
        "5 MG Road, Bengaluru 560001",
        "Chen nai"
    })
    void shouldNotServeAnAddressWhereTheCityIsOnlyPartOfAWordOrAbsent(String address) {
        assertThat(hubIn("Chennai").serves(address)).isFalse();
    }

    @Test
    void shouldFindTheCityAsAWordInsideALongerPlaceName() {
        assertThat(hubIn("Delhi").serves("14 Janpath, New Delhi 110001")).isTrue();
        assertThat(hubIn("New Delhi").serves("14 Janpath, new delhi 110001")).isTrue();
        assertThat(hubIn("New Delhi").serves("Old Delhi")).isFalse();
    }

    @Test
    void shouldMatchTheCityWhateverTheCaseItWasEnteredIn() {
        assertThat(hubIn("MUMBAI").serves("Bandra West, Mumbai 400050")).isTrue();
        assertThat(hubIn("mumbai").serves("BANDRA WEST, MUMBAI")).isTrue();
    }

    @Test
    void shouldReadTheCityLiterallyNotAsAPattern() {
        assertThat(hubIn("St. Louis").serves("1 Market St, St. Louis, MO")).isTrue();
        assertThat(hubIn("St. Louis").serves("1 Market St, Stx Louis, MO")).isFalse();
    }

    @Test
    void shouldTreatLettersBeyondAsciiAsPartOfAWord() {
        assertThat(hubIn("Köln").serves("Domkloster 4, 50667 Köln")).isTrue();
        assertThat(hubIn("Köln").serves("Kölnér Straße 1")).isFalse();
        assertThat(hubIn("Paris").serves("Parisé")).isFalse();
    }

    // --- what a hub needs ---

    @Test
    void shouldStripItsTexts() {
        Hub hub = new Hub(UUID.randomUUID(), "  Chennai central ", " Chennai\t", "  1 Depot Road ", null, null,
                CREATED);

        assertThat(hub.hubName()).isEqualTo("Chennai central");
        assertThat(hub.city()).isEqualTo("Chennai");
        assertThat(hub.address()).isEqualTo("1 Depot Road");
        assertThat(hub.serves("Chennai")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void shouldRequireANameAndACity(String blank) {
        assertRefused(() -> new Hub(null, blank, "Chennai", null, null, null, CREATED), "hub_name");
        assertRefused(() -> new Hub(null, "Chennai hub", blank, null, null, null, CREATED), "city");
        assertThat(new Hub(null, "Chennai hub", "Chennai", blank, null, null, CREATED).address()).isNull();
    }

    @Test
    void shouldBoundItsTexts() {
        assertThat(new Hub(null, "n".repeat(200), "c".repeat(200), "a".repeat(500), null, null, CREATED).address())
                .hasSize(500);
        assertRefused(() -> new Hub(null, "n".repeat(201), "Chennai", null, null, null, CREATED), "hub_name");
        assertRefused(() -> new Hub(null, "Chennai hub", "c".repeat(201), null, null, null, CREATED), "city");
        assertRefused(() -> new Hub(null, "Chennai hub", "Chennai", "a".repeat(501), null, null, CREATED),
                "address");
    }

    @Test
    void shouldAcceptCoordinatesOnTheGlobeIncludingItsEdges() {
        assertThat(at(13.0827, 80.2707).latitude()).isEqualTo(13.0827);
        assertThat(at(-90.0, -180.0).longitude()).isEqualTo(-180.0);
        assertThat(at(90.0, 180.0).latitude()).isEqualTo(90.0);
        assertThat(at(0.0, 0.0).longitude()).isZero();
        assertThat(at(null, null).latitude()).isNull();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-90.0001, 90.0001, 180, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void shouldRefuseALatitudeOffTheGlobe(double latitude) {
        assertRefused(() -> at(latitude, 80.0), "latitude");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-180.0001, 180.0001, 360, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void shouldRefuseALongitudeOffTheGlobe(double longitude) {
        assertRefused(() -> at(13.0, longitude), "longitude");
    }
}
