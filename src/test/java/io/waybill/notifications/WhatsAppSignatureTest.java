package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WhatsAppSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldMatchTheHmacOfTheRawBodyKeyedWithTheAppSecret() {
        // A known answer, computed apart with: printf '<body>' | openssl dgst -sha256 -hmac app-secret
        String expected = "sha256=0bf7374433906636bed1653bc7c64affb42fa5da9a39e251ab95c2e3a9c06923";

        assertThat(WhatsAppSignature.header("app-secret", BODY)).isEqualTo(expected);
        assertThat(WhatsAppSignature.matches("app-secret", BODY, expected)).isTrue();
        assertThat(WhatsAppSignature.matches("app-secret", BODY, expected.toUpperCase())).isTrue();
    }

    @Test
    void shouldRefuseAnotherSecretAnotherBodyOrAMalformedHeader() {
        String signed = WhatsAppSignature.header("app-secret", BODY);

        assertThat(WhatsAppSignature.matches("other-secret", BODY, signed)).isFalse();
        assertThat(WhatsAppSignature.matches("app-secret", "{}".getBytes(StandardCharsets.UTF_8), signed)).isFalse();
        assertThat(WhatsAppSignature.matches("app-secret", BODY, null)).isFalse();
        assertThat(WhatsAppSignature.matches("app-secret", BODY, signed.substring("sha256=".length()))).isFalse();
        assertThat(WhatsAppSignature.matches("app-secret", BODY, "sha256=not-hex")).isFalse();
    }
}
