package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CityNamesTest {

    @Test
    void shouldReadACityAsWholeWordsIgnoringCase() {
        assertThat(CityNames.names("12 MG Road, BANGALORE 560001", "Bangalore")).isTrue();
        assertThat(CityNames.names("Bangaloreans Street, Mysore", "Bangalore")).isFalse();
        assertThat(CityNames.names(null, "Bangalore")).isFalse();
    }

    @Test
    void shouldPreferTheLongestCityNamed() {
        assertThat(CityNames.namedIn("4 Janpath, New Delhi", List.of("Delhi", "New Delhi", "Agra"))).contains("New Delhi");
        assertThat(CityNames.namedIn("Pune to nowhere", List.of("Delhi", "Agra"))).isEmpty();
    }
}
