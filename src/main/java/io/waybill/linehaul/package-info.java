/**
 * Line haul: parcels moved between hubs in bags. An admin opens a bag at an origin hub for a
 * destination hub ({@link io.waybill.linehaul.Bag}), puts in the shipments routed to the origin hub
 * that have not left it, seals it ({@code bag.sealed}), and the bag's scans (dispatched, arrived,
 * opened) write one entry on every shipment inside, in one transaction, through the shipments
 * module's {@link io.waybill.shipments.BulkTracking} ({@code bag.scanned}, and one
 * {@code shipment.status.updated} per shipment). A bag is assigned to the agent who carries it.
 * Its code is also taken where parcels are scanned (the shipments module's {@code POST /scans}),
 * through {@link io.waybill.shipments.BagScanning}, which this module implements. A shipment opened
 * out of a bag at a transit hub goes into the next bag there, for its next leg.
 *
 * <p>Sealed bags fly on {@link io.waybill.linehaul.Flight}s. A flight's status comes from an admin,
 * from the flight-data provider's signed alerts ({@code POST /flights/webhook}), or from polling the
 * provider ({@link io.waybill.linehaul.FlightData}, called outside any transaction); each change
 * cascades to the bags on board and their shipments in one transaction
 * ({@code flight.status.updated}).
 *
 * <p>It depends on the shipments module (its bulk tracking, and its copy of the hubs' names and
 * zones), so in a split deployment it runs in the shipments service's process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "shipments", "shipments :: events"})
package io.waybill.linehaul;
