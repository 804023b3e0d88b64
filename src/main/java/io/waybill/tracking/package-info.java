/**
 * The read side of tracking: the latest status and history of every shipment, kept from the
 * shipments module's events in a cache (Redis when configured, in-process otherwise), and the
 * public lookup by tracking number that reads it. PostgreSQL, through the shipments module, stays
 * the truth: a miss or an unreachable cache falls back to it, and the cache heals from it.
 * Also the live updates: each history entry, pushed from the events to the WebSocket and SSE
 * clients allowed to see it, across instances through Redis pub/sub when Redis is configured.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "shipments", "shipments :: events", "identity :: events"})
package io.waybill.tracking;
