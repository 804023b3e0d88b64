/**
 * The delivery side of a courier's day. Today: agent locations. An agent's phone reports batches
 * of points ({@code POST /agents/me/locations}); each point is judged on its own
 * ({@link io.waybill.delivery.LocationBatch}: too old, in the future, out of range), the rest is
 * stored, and the agent's latest position moves forward only with a newer point. Admins read an
 * agent's trail and where every active agent is. Points older than the retention are deleted.
 *
 * <p>It knows nothing of shipments: a batch that moves an agent's latest position forward is
 * announced ({@link io.waybill.delivery.AgentLocationRecorded}, {@code agent.location_recorded}),
 * and the modules that show a position to a customer (shipments, tracking) keep their own copy
 * and decide themselves whom to show it to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security"})
package io.waybill.delivery;
