package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.math.BigDecimal;

/**
 * What the customer says about a shipment when booking it, and may change until dispatch. Every
 * text is a single printable line ({@link SingleLineText}): addresses travel into notifications.
 */
public record ShipmentDetails(String sourceAddress, String destinationAddress, String recipientName,
        String recipientPhone, BigDecimal weightKg, String description) {

    static final int MAX_ADDRESS = 500;
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    static final int MAX_DESCRIPTION = 1000;
    static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("100000");

    public ShipmentDetails {
        sourceAddress = required("source_address", sourceAddress, MAX_ADDRESS);
        destinationAddress = required("destination_address", destinationAddress, MAX_ADDRESS);
        recipientName = optional("recipient_name", recipientName, MAX_NAME);
        recipientPhone = optional("recipient_phone", recipientPhone, MAX_PHONE);
        description = optional("description", description, MAX_DESCRIPTION);
        if (weightKg != null && (weightKg.signum() <= 0 || weightKg.compareTo(MAX_WEIGHT_KG) > 0)) {
            throw new InvalidRequestException("weight_kg", "must be more than 0 and at most " + MAX_WEIGHT_KG);
        }
        if (weightKg != null && weightKg.stripTrailingZeros().scale() > 3) {
            throw new InvalidRequestException("weight_kg", "must have at most 3 decimals");
        }
    }

    private static String required(String field, String value, int max) {
        return SingleLineText.required(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        return SingleLineText.optional(field, value, max);
    }
}
