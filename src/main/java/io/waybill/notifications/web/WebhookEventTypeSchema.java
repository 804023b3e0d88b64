package io.waybill.notifications.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.waybill.notifications.Webhook;
import io.waybill.notifications.WebhookService;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The {@code WebhookEventType} schema of the OpenAPI document: the event types a webhook may
 * subscribe to, from {@link Webhook#eventTypes()} itself.
 */
@Component
class WebhookEventTypeSchema implements OpenApiCustomizer {

    static final String NAME = "WebhookEventType";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        StringSchema schema = new StringSchema();
        schema.description("An event a webhook receives. Customers may subscribe to shipment.created, "
                + "shipment.status.updated and shipment.delivered of their own shipments; admins also to "
                + "shipment.assigned, of every shipment. webhook.test is not subscribed to: it is the event "
                + "POST /webhooks/{id}/test sends, and appears in delivery logs.");
        Webhook.eventTypes().forEach(schema::addEnumItem);
        schema.addEnumItem(WebhookService.TEST_EVENT);
        openApi.getComponents().addSchemas(NAME, schema);
    }
}
