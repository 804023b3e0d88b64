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
 */
public record LiveUpdate(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId, int sequence,
        String previousStatus, String status, String location, Instant occurredAt) {

    public static final String TYPE = "shipment.status";

    /** An admin sees every shipment, a customer their own, an agent those assigned to them. */
    public boolean isVisibleTo(Caller caller) {
        return caller.isAdmin() || (caller.isCustomer() && caller.is(customerId))
                || (caller.isAgent() && agentId != null && caller.is(agentId));
    }

    public Map<String, Object> accountView() {
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

    /** What anyone holding the tracking number may see: statuses and places, no ids or people. */
    public Map<String, Object> publicView() {
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
