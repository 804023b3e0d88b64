package io.waybill.care;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.AgentAssigned;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentStatusChanged;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Keeps {@link ShipmentCopies} from the shipments' events, in the consumer group {@code care-shipments}. */
@Component
class ShipmentCopyFeed implements EventHandler {

    private final ShipmentCopies shipments;

    ShipmentCopyFeed(ShipmentCopies shipments) {
        this.shipments = shipments;
    }

    @Override
    public String group() {
        return "care-shipments";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ShipmentBooked.TOPIC, ShipmentStatusChanged.TOPIC, AgentAssigned.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case ShipmentBooked.TOPIC -> {
                ShipmentBooked booked = event.payloadAs(ShipmentBooked.class);
                shipments.recordOwner(booked.shipmentId(), booked.customerId());
                shipments.recordStatus(booked.shipmentId(), 0, "created", booked.occurredAt(), null);
            }
            case ShipmentStatusChanged.TOPIC -> {
                ShipmentStatusChanged change = event.payloadAs(ShipmentStatusChanged.class);
                shipments.recordOwner(change.shipmentId(), change.customerId());
                shipments.recordStatus(change.shipmentId(), change.sequence(), change.status(), change.occurredAt(),
                        change.agentId());
                shipments.recordAgent(change.shipmentId(), change.agentId(), 2 * change.sequence());
            }
            // Older envelopes say shipment.assigned for hub routings too: those carry no agent_id.
            case AgentAssigned.TYPE, AgentAssigned.TOPIC -> {
                if (event.payload().has("agent_id")) {
                    assigned(event.payloadAs(AgentAssigned.class));
                }
            }
            default -> {
                // The network's hub assignments: care does not need the hub.
            }
        }
    }

    /** An assignment made before its place in the history was carried counts as older than any status change. */
    private void assigned(AgentAssigned assigned) {
        Integer after = assigned.afterSequence();
        shipments.recordAgent(assigned.shipmentId(), assigned.agentId(), after == null ? -1 : 2 * after + 1);
    }
}
