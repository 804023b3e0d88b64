package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceTest {

    private static final UUID USER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldRegisterATokenForAKnownPlatformWhateverItsCase() {
        Device device = Device.register(USER, " fcm:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx ", "Android", NOW);

        assertThat(device.token()).isEqualTo("fcm:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx");
        assertThat(device.platform()).isEqualTo("android");
        assertThat(device.userId()).isEqualTo(USER);
    }

    @Test
    void shouldRefuseAMissingOrMalformedToken() {
        assertThatThrownBy(() -> Device.register(USER, null, "ios", NOW)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("token");
        assertThatThrownBy(() -> Device.register(USER, "two words", "ios", NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Device.register(USER, "x".repeat(Device.MAX_TOKEN_LENGTH + 1), "ios", NOW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldRefuseAPlatformThatIsNotAndroidIosOrWeb() {
        assertThatThrownBy(() -> Device.register(USER, "token", "blackberry", NOW))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("platform");
    }
}
