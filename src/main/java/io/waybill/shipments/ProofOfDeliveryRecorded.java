package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a delivery was proven: the {@code shipment.proof_of_delivery} event, keyed by the shipment.
 * It names the proof's kind, the receiver by initials only (what the public tracking page shows) and
 * the images by reference; never the images, the code or the receiver's full name.
 */
@NamedInterface("events")
public record ProofOfDeliveryRecorded(UUID shipmentId, String trackingNumber, UUID customerId, UUID agentId,
        String proof, String receivedByInitials, List<String> imageReferences, Instant occurredAt)
        implements ShipmentEvent {

    public static final String TOPIC = "shipment.proof_of_delivery";

    public ProofOfDeliveryRecorded {
        imageReferences = imageReferences == null ? List.of() : List.copyOf(imageReferences);
    }

    @Override
    public String topic() {
        return TOPIC;
    }
}
