/**
 * The physical network: hubs and the vehicles based at them, and hub assignment, which routes a
 * newly booked shipment to the hub in its source city.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "shipments :: events"})
package io.waybill.network;
