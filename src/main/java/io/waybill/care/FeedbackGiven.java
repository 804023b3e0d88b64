package io.waybill.care;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A customer rated a delivery, or changed their rating: {@code feedback.given}, keyed by the
 * shipment. {@code agentId} is the agent who delivered it (null when none was recorded); a consumer
 * keeps, per shipment, the rating with the newest {@code occurredAt}.
 */
@NamedInterface("events")
public record FeedbackGiven(UUID shipmentId, UUID customerId, UUID agentId, int rating, Instant occurredAt)
        implements DomainEvent {

    public static final String TOPIC = "feedback.given";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return shipmentId.toString();
    }
}
