/**
 * Reports for admins: the day's bookings and status figures, and figures per hub. It reads other
 * modules only through their public APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "shipments :: events", "network :: events", "network", "identity :: events"})
package io.waybill.reporting;
