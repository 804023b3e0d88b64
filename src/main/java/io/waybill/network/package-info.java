/**
 * The physical network: hubs (with their time zones) and the vehicles based at them, lanes (transit
 * days between cities per service level), and hub assignment, which routes a newly booked shipment
 * to the hub in its source city. It announces each change of a hub ({@code hub.created},
 * {@code hub.updated}, {@code hub.deleted}) and of a lane ({@code lane.created},
 * {@code lane.updated}, {@code lane.deleted}) for modules that keep a copy of them (reporting names
 * hubs; shipments promises delivery dates from lanes and shows local times in hubs' zones), so that
 * none needs to call it. A vehicle may be assigned to a delivery agent; whether an account is an
 * active agent is asked of the security module's copy of the accounts
 * ({@link io.waybill.security.AccountLookup}), as shipments does for agent assignment, never of
 * identity's tables; an agent deleted or given another role leaves their vehicle unassigned, from
 * identity's {@code user.deleted} and {@code user.updated} events, read by their published contract.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "shipments :: events"})
package io.waybill.network;
