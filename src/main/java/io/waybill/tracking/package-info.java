/**
 * The read side of tracking: the public lookup by tracking number and the live updates.
 * <p>
 * It keeps its own read model of shipments (schema {@code tracking}: who a shipment belongs to, its
 * assigned agent, its history), fed only by the shipments module's events, and never calls the
 * shipments module's code: in a split deployment tracking runs in its own process with its own
 * database. A read model rather than a call to a published HTTP API because this is the module's
 * hot path: the public lookup is the busiest, unauthenticated endpoint and every live stream is
 * checked against it, so it must be answered without a network hop to another service, keep
 * working while the shipments service is down or redeploying, and not add the public's load to
 * the service that takes bookings. The events already carry everything the page shows, in order
 * per shipment with sequence numbers, so the read model is exact, and a booking made a moment ago
 * is waited for briefly rather than answered 404 (see {@link io.waybill.tracking.TrackingService}).
 * <p>
 * In front of the read model, a cache of the public page (Redis when configured, in-process
 * otherwise): a miss or an unreachable cache falls back to the read model, and the cache heals
 * from it. The live updates push each history entry from the events to the WebSocket and SSE
 * clients allowed to see it (the read model says who may), across instances through Redis pub/sub
 * when Redis is configured. While a shipment is out for delivery, its agent's position (the
 * delivery module's {@code agent.location_recorded}) is pushed too, to accounts only, never to the
 * public stream.
 * <p>
 * Public pages name the carrier, the display name of the shipment's tenant, from the module's own
 * copy of the tenants' names ({@link io.waybill.tracking.Carriers}, fed by identity's
 * {@code tenant.settings_changed}); it is added to a page as it is sent, not cached with it, so a
 * rename shows at once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "kernel :: web", "eventing", "security", "shipments :: events", "identity :: events", "delivery :: events"})
package io.waybill.tracking;
