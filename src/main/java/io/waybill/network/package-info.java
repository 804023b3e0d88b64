/**
 * The physical network: hubs and the vehicles based at them, and hub assignment, which routes a
 * newly booked shipment to the hub in its source city. It announces each change of a hub
 * ({@code hub.created}, {@code hub.updated}, {@code hub.deleted}) for modules that keep a copy of
 * the hubs, so that none needs to call it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "shipments :: events"})
package io.waybill.network;
