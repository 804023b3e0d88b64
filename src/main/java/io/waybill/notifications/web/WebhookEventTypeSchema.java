package io.waybill.notifications.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.waybill.notifications.Webhook;
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
                + "shipment.assigned, of every shipment.");
        Webhook.eventTypes().forEach(schema::addEnumItem);
        openApi.getComponents().addSchemas(NAME, schema);
    }
}
