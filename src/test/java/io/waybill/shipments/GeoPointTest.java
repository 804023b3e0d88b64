package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

    @ParameterizedTest
    @CsvSource({"90, 180", "-90, -180", "0, 0", "13.0827, 80.2707"})
    void shouldTakeEveryPointOnEarth(double lat, double lon) {
        assertThat(new GeoPoint(lat, lon)).isEqualTo(new GeoPoint(lat, lon));
    }

    @ParameterizedTest
    @CsvSource({"90.0001, 0, lat", "-91, 0, lat", "NaN, 0, lat", "0, 180.5, lon", "0, -181, lon", "0, Infinity, lon"})
    void shouldRefuseAPointOffTheEarth(double lat, double lon, String field) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> new GeoPoint(lat, lon));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
    }

    @Test
    void shouldTakeBothCoordinatesOrNeither() {
        assertThat(GeoPoint.ofNullable(null, null)).isNull();
        assertThat(GeoPoint.ofNullable(12.5, 77.0)).isEqualTo(new GeoPoint(12.5, 77.0));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> GeoPoint.ofNullable(12.5, null)).field())
                .isEqualTo("lon");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> GeoPoint.ofNullable(null, 77.0)).field())
                .isEqualTo("lat");
    }
}
