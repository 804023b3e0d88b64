package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidSettingException;
import org.junit.jupiter.api.Test;

class WebPropertiesTest {

    @Test
    void shouldLoadNothingFromAnotherOriginWithoutTiles() {
        String policy = PageSecurityConfiguration.policy(new WebProperties("", ""));

        assertThat(policy).contains("script-src 'self';", "img-src 'self' data:;", "connect-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http");
    }

    @Test
    void shouldLetImagesComeFromTheTilesOriginOnly() {
        assertThat(PageSecurityConfiguration.policy(new WebProperties("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "")))
                .contains("img-src 'self' data: https://tile.openstreetmap.org;");
        assertThat(new WebProperties("https://{s}.tiles.example.com:8443/{z}/{x}/{y}.png", "").mapTilesOrigin())
                .isEqualTo("https://*.tiles.example.com:8443");
    }

    @Test
    void shouldRefuseATilesSettingThatIsNoHttpUrl() {
        assertThatThrownBy(() -> new WebProperties("tiles/{z}/{x}/{y}.png", ""))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("waybill.web.map-tiles-url"));
        assertThatThrownBy(() -> new WebProperties("javascript:alert(1)", ""))
                .isInstanceOf(InvalidSettingException.class);
    }
}
