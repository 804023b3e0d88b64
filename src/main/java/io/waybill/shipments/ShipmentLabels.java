package io.waybill.shipments;

import io.waybill.kernel.Caller;
import io.waybill.shipments.config.PublicLinkProperties;
import org.springframework.stereotype.Service;

/**
 * Shipping labels: what the label of a shipment says, drawn in the format asked for. Who may print
 * one is who may see the shipment ({@link ShipmentService#get}): its customer, its agent and admins;
 * for anyone else it does not exist.
 */
@Service
public class ShipmentLabels {

    /** Printed while the shipment is not routed yet (no hub's city was found in its source address). */
    static final String NOT_ROUTED = "not routed yet";

    private final ShipmentService shipments;
    private final NetworkCopy network;
    private final LabelRenderer renderer;
    private final TrackingLink link;

    ShipmentLabels(ShipmentService shipments, NetworkCopy network, LabelRenderer renderer,
            PublicLinkProperties links) {
        this.shipments = shipments;
        this.network = network;
        this.renderer = renderer;
        this.link = links.trackingLink();
    }

    public RenderedLabel label(Caller caller, String reference, LabelFormat format) {
        ShipmentView shipment = shipments.get(caller, reference);
        ShipmentDetails details = shipment.details();
        ShippingLabel label = new ShippingLabel(shipment.trackingNumber(), link.to(shipment.trackingNumber()),
                details.sourceAddress(), details.recipientName(), details.destinationAddress(), details.weightKg(),
                hub(shipment), serviceLevel(shipment));
        return new RenderedLabel(shipment.trackingNumber(), format, renderer.render(label, format));
    }

    /**
     * The routed hub by name; by the start of its id while its name has not reached this module yet
     * (the hub's event is on its way), rather than nothing.
     */
    private String hub(ShipmentView shipment) {
        if (shipment.hubId() == null) {
            return NOT_ROUTED;
        }
        return network.hub(shipment.hubId()).map(HubPlace::printedName)
                .orElse("hub " + shipment.hubId().toString().substring(0, 8));
    }

    /** The service level the shipment was booked at: {@code standard} or {@code express}. */
    private static String serviceLevel(ShipmentView shipment) {
        return shipment.serviceLevel().wireName();
    }

    /** A label drawn: its bytes in the format asked for. */
    public record RenderedLabel(TrackingNumber trackingNumber, LabelFormat format, byte[] content) {

        /** e.g. {@code label-TRK48213095572.pdf} */
        public String fileName() {
            return "label-" + trackingNumber.value() + "." + format.extension();
        }
    }
}
