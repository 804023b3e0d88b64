package io.waybill.tracking;

/**
 * The company carrying a shipment, as the public sees it: its tenant's display name. Public tracking
 * shows the carrier of the shipment's own tenant, never another's.
 */
public record Carrier(String name) {
}
