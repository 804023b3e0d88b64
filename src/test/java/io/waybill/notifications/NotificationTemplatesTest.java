package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {

    private final NotificationTemplates templates = new NotificationTemplates();

    @Test
    void shouldNameTheWhatsAppTemplateAndGiveItsParametersOneALineInOrder() {
        RenderedMessage message = templates.render("tracking_status", Channel.WHATSAPP, Map.of(
                "tracking_number", "TRK12345678903", "status", "in transit", "location", "Salem\nhub\tdock 4",
                "updated_at", "2026-12-01T10:00:00Z"));

        assertThat(message.subject()).isEqualTo("waybill_tracking_status");
        // Meta refuses a parameter with a line break or a tab: a value is put on one line.
        assertThat(message.body().lines()).containsExactly("TRK12345678903", "in transit", "Salem hub dock 4",
                "2026-12-01T10:00:00Z");
    }

    @Test
    void shouldTitleAPushNotification() {
        RenderedMessage message = templates.render("delivered", Channel.PUSH, Map.of("tracking_number",
                "TRK12345678903"));

        assertThat(message.subject()).isEqualTo("Delivered");
        assertThat(message.body()).isEqualTo("Shipment TRK12345678903 was delivered.");
    }

    @Test
    void shouldHaveATemplateForEveryCustomerNotificationOnEveryChannel() {
        for (String kind : new String[] {"shipment_created", "out_for_delivery", "delivered", "delivery_failed"}) {
            for (Channel channel : Channel.values()) {
                assertThat(templates.render(kind, channel, Map.of("tracking_number", "TRK12345678903")).body())
                        .as(kind + " " + channel).contains("TRK12345678903");
            }
        }
    }
}
