package io.waybill.care;

import io.waybill.kernel.Caller;
import java.time.Instant;
import java.util.UUID;

/**
 * What care knows of a shipment, from the shipments' events: its owner, its assigned agent, its
 * latest status and, once delivered, when and by which agent.
 */
public record ShipmentCopy(UUID shipmentId, UUID customerId, UUID agentId, String status, UUID deliveredBy,
        Instant deliveredAt) {

    /** As the shipments module says: the owner, the assigned agent and admins see it; for anyone else it does not exist. */
    public boolean isVisibleTo(Caller caller) {
        return caller.isAdmin() || (customerId != null && caller.is(customerId))
                || (caller.isAgent() && agentId != null && caller.is(agentId));
    }

    public boolean isDelivered() {
        return "delivered".equals(status) && deliveredAt != null;
    }
}
