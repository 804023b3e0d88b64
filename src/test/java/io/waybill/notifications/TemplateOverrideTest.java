package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemplateOverrideTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");
    private static final String EMAIL = "Subject: Your shipment {{tracking_number}} is booked\n\nHello {{name}},\n";

    @Test
    void shouldKeepATextOfTheBuiltInOnesFormWithItsPlaceholders() {
        TemplateOverride override = TemplateOverride.of("shipment_created", Channel.EMAIL,
                "  Subject: Booked: {{ tracking_number }}\r\n\r\nHi {{name}}  ", EMAIL, AT);

        assertThat(override.template()).isEqualTo("Subject: Booked: {{ tracking_number }}\n\nHi {{name}}");
    }

    @Test
    void shouldRefuseWhatTheBuiltInTextCouldNotBe() {
        assertRefused(Channel.EMAIL, "Hi {{name}}", EMAIL, "template");
        assertRefused(Channel.EMAIL, "Subject: only a subject", EMAIL, "template");
        assertRefused(Channel.EMAIL, "Subject: x\n\n{{password}}", EMAIL, "template");
        assertRefused(Channel.SMS, "one\ntwo", "{{tracking_number}}", "template");
        assertRefused(Channel.SMS, "x".repeat(TemplateOverride.MAX_LENGTH + 1), "x", "template");
        assertRefused(Channel.PUSH, "No title", "Title: t\nb", "template");
        assertRefused(Channel.WHATSAPP, "Template: mine", "Template: theirs", "channel");
    }

    private static void assertRefused(Channel channel, String text, String builtIn, String field) {
        assertThatThrownBy(() -> TemplateOverride.of("delivered", channel, text, builtIn, AT))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
