package io.waybill.shipments;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a shipping label says: the tracking number (as a Code 128 barcode and in print), the public
 * tracking URL (as a QR code), who sends it from where, who receives it where, its weight, the hub it
 * is routed through and its service level. The recipient's phone is left off: a label is read by
 * everyone who handles the parcel.
 *
 * @param weightKg null when the customer gave none
 * @param hub      the routed hub as printed, null while the shipment is not routed
 */
public record ShippingLabel(TrackingNumber trackingNumber, String trackingUrl, String senderAddress,
        String recipientName, String recipientAddress, BigDecimal weightKg, String hub, String serviceLevel) {

    public ShippingLabel {
        Objects.requireNonNull(trackingNumber);
        Objects.requireNonNull(trackingUrl);
        Objects.requireNonNull(senderAddress);
        Objects.requireNonNull(recipientAddress);
        Objects.requireNonNull(serviceLevel);
    }

    /** The weight as printed, e.g. {@code 2.5 kg}, or a dash when unknown. */
    public String weightText() {
        return weightKg == null ? "-" : weightKg.stripTrailingZeros().toPlainString() + " kg";
    }
}
