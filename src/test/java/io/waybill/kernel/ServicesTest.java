package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** WAYBILL_SERVICES: which business modules a process runs. */
class ServicesTest {

    @Test
    void shouldRunEveryModuleByDefault() {
        Services services = Services.from(new MockEnvironment());

        assertThat(services.isAll()).isTrue();
        assertThat(services.active()).isEqualTo(Services.MODULES);
        assertThat(services).hasToString("all");
    }

    @Test
    void shouldRunTheListedModulesAndTheSharedOnes() {
        Services services = Services.from(new MockEnvironment().withProperty("waybill.services", " shipments, identity ,"));

        assertThat(services.active()).containsExactly("identity", "shipments");
        assertThat(services.isAll()).isFalse();
        assertThat(services.runs("shipments")).isTrue();
        assertThat(services.runs("network")).isFalse();
        assertThat(services.runs("eventing")).isTrue();
        assertThat(services.runs("kernel")).isTrue();
        assertThat(services).hasToString("identity,shipments");
    }

    @Test
    void shouldServeThePagesOnlyWhereTheModulesTheyCallRun() {
        assertThat(Services.all().runs("web")).isTrue();
        assertThat(Services.parse(List.of("identity", "shipments", "network", "tracking", "notifications")).runs("web"))
                .isTrue();
        assertThat(Services.parse(List.of("identity", "shipments")).runs("web")).isFalse();
        assertThat(Services.parse(List.of("tracking")).runs("web")).isFalse();
    }

    @Test
    void shouldTreatAllListedModulesAsAll() {
        assertThat(Services.parse(List.of("linehaul", "care", "delivery", "notifications", "reporting", "tracking", "network", "shipments",
                "identity"))
                .isAll()).isTrue();
        assertThat(Services.parse(List.of("all", "identity")).isAll()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownModuleWithTheSettingsName() {
        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                () -> Services.from(new MockEnvironment().withProperty("waybill.services", "identity,shiping")));

        assertThat(refused.setting()).isEqualTo("waybill.services");
        assertThat(refused.getMessage()).contains("WAYBILL_SERVICES").contains("\"shiping\"")
                .contains("identity, shipments, network, tracking, reporting, notifications, delivery, care, linehaul");
        assertThat(refused.action()).contains("Set WAYBILL_SERVICES to all");
    }

    @Test
    void shouldRefuseASettingThatNamesNoModule() {
        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                () -> Services.from(new MockEnvironment().withProperty("waybill.services", " , ")));

        assertThat(refused.getMessage()).contains("is empty");
    }

    @Test
    void shouldNameACopyEveryProcessKeepsByItsModules() {
        assertThat(Services.all().perProcess("mail-senders")).isEqualTo("mail-senders");
        assertThat(Services.parse(List.of("shipments", "identity")).perProcess("mail-senders"))
                .isEqualTo("mail-senders-identity-shipments");
    }
}
