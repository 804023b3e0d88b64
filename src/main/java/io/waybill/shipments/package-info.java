/**
 * The Shipment aggregate: booking, editing and cancelling before dispatch, agent assignment, the
 * status lifecycle and the tracking history it writes, and the public lookup by tracking number.
 * Its facts leave the module as events ({@link io.waybill.shipments.ShipmentBooked},
 * {@link io.waybill.shipments.ShipmentStatusChanged}, ...) and through
 * {@link io.waybill.shipments.ShipmentStatistics}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "kernel :: persistence", "eventing", "security"})
package io.waybill.shipments;
