package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LaneTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldKeepALaneBetweenTwoCities() {
        Lane lane = new Lane(UUID.randomUUID(), " Chennai ", "Bangalore", 2, 1, NOW, NOW);

        assertThat(lane.originCity()).isEqualTo("Chennai");
        assertThat(lane.expressTransitDays()).isEqualTo(1);
    }

    @Test
    void shouldRefuseMissingCitiesAndDaysOutOfRangeNamingTheField() {
        assertThat(field(() -> new Lane(UUID.randomUUID(), "", "Bangalore", 2, 1, NOW, NOW))).isEqualTo("origin_city");
        assertThat(field(() -> new Lane(UUID.randomUUID(), "Chennai", null, 2, 1, NOW, NOW)))
                .isEqualTo("destination_city");
        assertThat(field(() -> new Lane(UUID.randomUUID(), "Chennai", "Bangalore", null, 1, NOW, NOW)))
                .isEqualTo("standard_transit_days");
        assertThat(field(() -> new Lane(UUID.randomUUID(), "Chennai", "Bangalore", 61, 1, NOW, NOW)))
                .isEqualTo("standard_transit_days");
        assertThat(field(() -> new Lane(UUID.randomUUID(), "Chennai", "Bangalore", 2, -1, NOW, NOW)))
                .isEqualTo("express_transit_days");
        assertThat(field(() -> new Lane(UUID.randomUUID(), "Chennai", "Bangalore", 2, 3, NOW, NOW)))
                .as("express slower than standard").isEqualTo("express_transit_days");
    }

    @Test
    void shouldKeepAHubsZoneAsIanaSpellsItAndRefuseOthers() {
        Hub hub = new Hub(UUID.randomUUID(), "Chennai hub", "Chennai", null, null, null, NOW, "Asia/Kolkata");
        assertThat(hub.timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(new Hub(UUID.randomUUID(), "Old hub", "Salem", null, null, null, NOW).timeZone()).isNull();
        assertThat(field(() -> new Hub(UUID.randomUUID(), "Bad", "Salem", null, null, null, NOW, "India/Chennai")))
                .isEqualTo("time_zone");
    }

    private static String field(Runnable construction) {
        return catchThrowableOfType(InvalidRequestException.class, construction::run).field();
    }
}
