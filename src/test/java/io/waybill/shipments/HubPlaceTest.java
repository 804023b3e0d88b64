package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class HubPlaceTest {

    @Test
    void shouldNameTheCityOnlyWhenTheHubsNameDoesNotSayIt() {
        assertThat(hub("Guindy Sorting Centre", "Chennai").printedName()).isEqualTo("Guindy Sorting Centre, Chennai");
        assertThat(hub("Chennai Central", "chennai").printedName()).isEqualTo("Chennai Central");
        assertThat(hub("Chennai Central", null).printedName()).isEqualTo("Chennai Central");
    }

    @Test
    void shouldPrintNothingWhileTheHubsNameIsNotKnown() {
        assertThat(hub(null, "Chennai").printedName()).isNull();
    }

    private static HubPlace hub(String name, String city) {
        return new HubPlace(UUID.randomUUID(), name, city, "Asia/Kolkata");
    }
}
