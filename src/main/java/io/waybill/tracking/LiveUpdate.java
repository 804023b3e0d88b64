package io.waybill.tracking;

import io.waybill.kernel.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a shipment's history as it is pushed to live clients: the booking ({@code sequence}
 * 0), a status change or a scan. It carries who may see it (the customer and the assigned agent);
 * what a client receives is one of its two views: the account view, or the public one, redacted like
 * {@code /track/}.
 *
 * <p>Or, with a {@code position}, where the agent of a shipment out for delivery is now
 * ({@value #AGENT_LOCATION_TYPE}): no entry of the history ({@code sequence} is the latest entry's,
 * the one that put it out for delivery or a scan since), and for accounts only: it has no public view.
 */
public record LiveUpdate(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId, int sequence,
        String previousStatus, String status, String location, Instant occurredAt, Position position, UUID tenantId) {

    public static final String TYPE = "shipment.status";
    public static final String AGENT_LOCATION_TYPE = "agent.location";

    /** Where the agent was, when: the newest point their phone reported. */
    public record Position(double lat, double lon, Double accuracyM, Instant recordedAt) {
    }

    /**
     * A history entry, as a stream's history sends it straight to the client that was allowed to read
     * it: no tenant, so no filter lets it through to anyone else ({@link #of} gives it one).
     */
    public LiveUpdate(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId, int sequence,
            String previousStatus, String status, String location, Instant occurredAt) {
        this(shipmentId, trackingNumber, customerId, agentId, sequence, previousStatus, status, location, occurredAt,
                null, null);
    }

    /** This update as the tenant's whose shipment it is: what the feed carries to every instance's clients. */
    public LiveUpdate of(UUID tenant) {
        return new LiveUpdate(shipmentId, trackingNumber, customerId, agentId, sequence, previousStatus, status,
                location, occurredAt, position, tenant);
    }

    /** The agent's position, for the followers of this shipment, which is out for delivery with that agent. */
    public static LiveUpdate agentLocation(TrackedShipment shipment, Position position, UUID tenant) {
        TrackedShipment.Entry latest = shipment.latest();
        return new LiveUpdate(shipment.shipmentId(), shipment.trackingNumber(), shipment.customerId(),
                shipment.agentId(), latest.sequence(), null, latest.status(), null, position.recordedAt(), position,
                tenant);
    }

    public boolean hasPosition() {
        return position != null;
    }

    /**
     * Within the shipment's tenant, an admin sees every shipment, a customer their own, an agent those
     * assigned to them. Nobody of another tenant sees it: a stream is no database connection, so
     * row-level security cannot hold it, and every instance's clients of every tenant share one feed.
     */
    public boolean isVisibleTo(Caller caller) {
        if (tenantId == null || !tenantId.equals(caller.tenantId())) {
            return false;
        }
        return caller.isAdmin() || (caller.isCustomer() && caller.is(customerId))
                || (caller.isAgent() && agentId != null && caller.is(agentId));
    }

    public Map<String, Object> accountView() {
        if (hasPosition()) {
            return agentLocationView();
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", TYPE);
        message.put("shipment_id", shipmentId.toString());
        message.put("tracking_number", trackingNumber);
        message.put("sequence", sequence);
        message.put("previous_status", previousStatus);
        message.put("status", status);
        message.put("location", location);
        message.put("occurred_at", occurredAt.toString());
        return message;
    }

    private Map<String, Object> agentLocationView() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", AGENT_LOCATION_TYPE);
        message.put("shipment_id", shipmentId.toString());
        message.put("tracking_number", trackingNumber);
        message.put("sequence", sequence);
        message.put("agent_id", agentId == null ? null : agentId.toString());
        message.put("lat", position.lat());
        message.put("lon", position.lon());
        message.put("accuracy_m", position.accuracyM());
        message.put("recorded_at", position.recordedAt().toString());
        return message;
    }

    /** What anyone holding the tracking number may see: statuses and places, no ids or people. */
    public Map<String, Object> publicView() {
        if (hasPosition()) {
            throw new IllegalStateException("An agent's position has no public view");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", TYPE);
        message.put("tracking_number", trackingNumber);
        message.put("sequence", sequence);
        message.put("status", status);
        message.put("location", location);
        message.put("occurred_at", occurredAt.toString());
        return message;
    }
}
