package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @Test
    void shouldAcceptIanaZonesAndUtc() {
        assertThat(TimeZones.optional("time_zone", "Asia/Kolkata")).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(TimeZones.optional("time_zone", " Europe/Berlin ")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.optional("time_zone", "UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(TimeZones.optional("time_zone", "Z")).isEqualTo(ZoneId.of("UTC"));
        assertThat(TimeZones.optional("time_zone", null)).isNull();
        assertThat(TimeZones.optional("time_zone", "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Chennai", "Mars/Olympus", "+05:30", "-08:00", "IST", "asia kolkata", "Asia/Kolkata/Chennai"})
    void shouldRefuseWhatIsNotAPlaceZoneNamingTheField(String zone) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> TimeZones.optional("time_zone", zone));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("time_zone");
        assertThat(TimeZones.isValid(zone)).isFalse();
    }

    @Test
    void shouldStopStartUpOnABadSettingNamingIt() {
        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                () -> TimeZones.setting("waybill.time-zone", "Moon/Base"));

        assertThat(refused.setting()).isEqualTo("waybill.time-zone");
        assertThat(TimeZones.setting("waybill.time-zone", "Asia/Kolkata")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }
}
