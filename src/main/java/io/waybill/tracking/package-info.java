/**
 * The read side of tracking: the latest status and history of every shipment, kept from the
 * shipments module's events in a cache (Redis when configured, in-process otherwise), and the
 * public lookup by tracking number that reads it. PostgreSQL, through the shipments module, stays
 * the truth: a miss or an unreachable cache falls back to it, and the cache heals from it.
 */
package io.waybill.tracking;
