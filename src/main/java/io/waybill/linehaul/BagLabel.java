package io.waybill.linehaul;

/** What a bag's label says: its code (also as a QR code), where it goes from and to, how many shipments. */
public record BagLabel(BagCode code, String origin, String destination, int shipmentCount) {
}
