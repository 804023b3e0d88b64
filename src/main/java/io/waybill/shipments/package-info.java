/**
 * The Shipment aggregate: booking, editing and cancelling before dispatch, agent assignment, the
 * status lifecycle and the tracking history it writes, and the public lookup by tracking number.
 * Its facts leave the module as events ({@link io.waybill.shipments.ShipmentBooked},
 * {@link io.waybill.shipments.ShipmentStatusChanged}, ...) and through
 * {@link io.waybill.shipments.ShipmentStatistics}.
 *
 * <p>It prints shipping labels ({@link io.waybill.shipments.ShipmentLabels}, drawn by the adapters in
 * {@code shipments.label}: PDFBox, ZPL, ZXing for the codes) and takes scans by what a scanner read
 * ({@link io.waybill.shipments.ScanCode}). For the routed hub's name on a label it keeps a copy of the
 * hubs' names ({@link io.waybill.shipments.KnownHubs}) fed by the network module's {@code hub.*} events,
 * read by type: network depends on this module, not back.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security"})
package io.waybill.shipments;
