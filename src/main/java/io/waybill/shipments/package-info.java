/**
 * The Shipment aggregate: booking, editing and cancelling before dispatch, agent assignment, the
 * status lifecycle and the tracking history it writes, and the public lookup by tracking number.
 * Its facts leave the module as events ({@link io.waybill.shipments.ShipmentBooked},
 * {@link io.waybill.shipments.ShipmentStatusChanged}, ...) and through
 * {@link io.waybill.shipments.ShipmentStatistics}.
 *
 * <p>It prints shipping labels ({@link io.waybill.shipments.ShipmentLabels}, drawn by the adapters in
 * {@code shipments.label}: PDFBox, ZPL, ZXing for the codes) and takes scans by what a scanner read
 * ({@link io.waybill.shipments.ScanCode}). A bag's code read there is handed to
 * {@link io.waybill.shipments.BagScanning}, which line haul implements: line haul depends on this
 * module, so this one cannot call it, and it runs in the same process in every deployment.
 *
 * <p>Delivery dates, local times and the routed hub's name on labels need the network's lanes and
 * hubs: the module keeps its own copy of them ({@link io.waybill.shipments.NetworkCopy}: lanes, and
 * the hubs' names, cities and zones), fed by the network module's {@code lane.*} and {@code hub.*}
 * events in one consumer group ({@code shipments-network}), which it reads by type and field names
 * since the network module depends on this one and not back. A copy rather than a call: booking,
 * scanning and printing keep working while the network service is down, and a lane changed a moment
 * ago applying to the next booking rather than this one is of no consequence. Newer states win;
 * removals are final (a removed hub keeps its last name, for the parcels routed there).
 *
 * <p>It keeps a copy of each delivery agent's latest position ({@code shipments.agent_locations}),
 * fed by the delivery module's {@code agent.location_recorded} events, to show a shipment's
 * customer where its agent is while it is out for delivery ({@link io.waybill.shipments.AgentLocation}).
 *
 * <p>The proofs a delivery may rest on are the deployment's ({@link io.waybill.shipments.DeliveryPolicy})
 * unless the shipment's tenant chose its own: the module keeps a copy of each tenant's choice
 * ({@link io.waybill.shipments.TenantProofs}) from identity's {@code tenant.settings_changed} events,
 * read by type and field names ({@code shipments-tenants}), without depending on identity.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "kernel :: persistence", "eventing", "security", "delivery :: events"})
package io.waybill.shipments;
