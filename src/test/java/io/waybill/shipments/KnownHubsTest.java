package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownHubsTest {

    @Test
    void shouldNameTheCityOnlyWhenTheHubsNameDoesNotSayIt() {
        assertThat(new KnownHubs.Named("Guindy Sorting Centre", "Chennai").printed())
                .isEqualTo("Guindy Sorting Centre, Chennai");
        assertThat(new KnownHubs.Named("Chennai Central", "chennai").printed()).isEqualTo("Chennai Central");
        assertThat(new KnownHubs.Named("Chennai Central", null).printed()).isEqualTo("Chennai Central");
    }
}
