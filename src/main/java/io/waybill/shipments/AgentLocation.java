package io.waybill.shipments;

import java.time.Instant;

/**
 * Where a delivery agent was last seen, as the delivery module announced it: shown with a shipment
 * to those who see it while it is out for delivery ({@link Shipment#sharesAgentLocationWith}).
 */
public record AgentLocation(double lat, double lon, Double accuracyM, Instant recordedAt) {
}
