package io.waybill.shipments.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.waybill.shipments.ShipmentStatus;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The {@code ShipmentStatus} schema of the OpenAPI document, listing the wire names of
 * {@link ShipmentStatus} itself, so the document cannot fall behind the lifecycle. Fields and
 * parameters that carry a status refer to it with {@code @Schema(ref = "ShipmentStatus")}.
 */
@Component
class ShipmentStatusSchema implements OpenApiCustomizer {

    static final String NAME = "ShipmentStatus";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        StringSchema schema = new StringSchema();
        schema.description("Where a shipment is in its life: created, then picked_up, in_transit (again at each "
                + "new place), out_for_delivery, and delivered, or delivery_failed (then out_for_delivery again, "
                + "in_transit or returned); cancelled only while created.");
        Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::wireName).forEach(schema::addEnumItem);
        openApi.getComponents().addSchemas(NAME, schema);
    }
}
