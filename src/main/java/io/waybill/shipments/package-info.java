/**
 * The Shipment aggregate: booking, editing and cancelling before dispatch, agent assignment, the
 * status lifecycle and the tracking history it writes, and the public lookup by tracking number.
 * Its facts leave the module as events ({@link io.waybill.shipments.ShipmentBooked},
 * {@link io.waybill.shipments.ShipmentStatusChanged}, ...) and through
 * {@link io.waybill.shipments.ShipmentStatistics}.
 *
 * <p>It keeps a copy of each delivery agent's latest position ({@code shipments.agent_locations}),
 * fed by the delivery module's {@code agent.location_recorded} events, to show a shipment's
 * customer where its agent is while it is out for delivery ({@link io.waybill.shipments.AgentLocation}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "delivery :: events"})
package io.waybill.shipments;
