package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LandingTest {

    @Test
    void shouldSendEachRoleToItsOwnHome() {
        assertThat(Landing.after(Role.AGENT, null)).isEqualTo("/agent");
        assertThat(Landing.after(Role.ADMIN, null)).isEqualTo("/admin");
        assertThat(Landing.after(Role.CUSTOMER, null)).isEqualTo("/portal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/portal/shipments/TRK1234567890", "/agent/scan?code=TRK1", "/admin/pages/users?page=2",
            "/t/TRK1234567890"})
    void shouldContinueToAPathOnThisSite(String target) {
        assertThat(Landing.after(Role.CUSTOMER, target)).isEqualTo(target);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.test/", "//evil.test/portal", "/\\evil.test", "\\\\evil.test",
            "javascript:alert(1)", "portal", "/portal\r\nSet-Cookie: a=b", "/\tevil", "http:/evil.test",
            "/%zz"})
    void shouldIgnoreATargetThatCouldLeaveTheSite(String target) {
        assertThat(Landing.after(Role.AGENT, target)).isEqualTo("/agent");
    }
}
