package io.waybill.shipments;

/** Draws a shipping label in a format; the adapters in {@code shipments.label} do the drawing. */
public interface LabelRenderer {

    byte[] render(ShippingLabel label, LabelFormat format);
}
