package io.waybill.linehaul;

/** Draws a bag's label as a PDF; the adapter in {@code linehaul.label} does the drawing. */
public interface BagLabelPrinter {

    byte[] pdf(BagLabel label);
}
