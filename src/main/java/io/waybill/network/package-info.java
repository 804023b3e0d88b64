/**
 * The physical network: hubs and the vehicles based at them, and hub assignment, which routes a
 * newly booked shipment to the hub in its source city.
 */
package io.waybill.network;
