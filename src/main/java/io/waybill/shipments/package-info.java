/**
 * The Shipment aggregate: booking, editing and cancelling before dispatch, agent assignment, the
 * status lifecycle and the tracking history it writes, and the public lookup by tracking number.
 * Its facts leave the module as events ({@link io.waybill.shipments.ShipmentBooked},
 * {@link io.waybill.shipments.ShipmentStatusChanged}, ...) and through
 * {@link io.waybill.shipments.ShipmentStatistics}.
 *
 * <p>Delivery dates and local times need the network's lanes and hubs' zones: the module keeps its
 * own copy of them ({@link io.waybill.shipments.NetworkCopy}), fed by the network module's
 * {@code lane.*} and {@code hub.*} events, which it reads by type and field names since the network
 * module depends on this one and not back. A copy rather than a call: booking and scanning keep
 * working while the network service is down, and a lane changed a moment ago applying to the next
 * booking rather than this one is of no consequence. Newer states win; removals are final.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security"})
package io.waybill.shipments;
