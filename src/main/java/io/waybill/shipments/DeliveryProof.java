package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.util.List;

/**
 * What an agent hands in to close a delivery: one proof ({@code code} for {@link ProofKind#OTP},
 * the reference of a kept image for a signature or photo), who received the parcel and, when the
 * phone knew it, where; for a cash-on-delivery shipment, what was collected (null otherwise).
 */
public record DeliveryProof(ProofKind kind, String code, List<String> imageReferences, String receivedBy,
        Double latitude, Double longitude, Payment.Collected collection) {

    static final int MAX_NAME = ShipmentDetails.MAX_NAME;

    public DeliveryProof {
        if (kind == null) {
            throw new InvalidRequestException("kind", "is required: one of " + ProofKind.allWireNames());
        }
        receivedBy = SingleLineText.required("received_by", receivedBy, MAX_NAME);
        imageReferences = imageReferences == null ? List.of() : List.copyOf(imageReferences);
        if (kind == ProofKind.OTP && (code == null || code.isBlank())) {
            throw new InvalidRequestException("code", "is required for a delivery proven by its one-time code");
        }
        if (kind.isImage() && imageReferences.isEmpty()) {
            throw new InvalidRequestException("image", "is required for a delivery proven by a " + kind.wireName());
        }
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidRequestException(latitude == null ? "latitude" : "longitude",
                    "is required with " + (latitude == null ? "longitude" : "latitude"));
        }
        if (latitude != null && (!Double.isFinite(latitude) || latitude < -90 || latitude > 90)) {
            throw new InvalidRequestException("latitude", "must be between -90 and 90");
        }
        if (longitude != null && (!Double.isFinite(longitude) || longitude < -180 || longitude > 180)) {
            throw new InvalidRequestException("longitude", "must be between -180 and 180");
        }
    }

    /** A proof with nothing collected, for a prepaid shipment. */
    public DeliveryProof(ProofKind kind, String code, List<String> imageReferences, String receivedBy,
            Double latitude, Double longitude) {
        this(kind, code, imageReferences, receivedBy, latitude, longitude, null);
    }

    @Override
    public String toString() {
        return "DeliveryProof[kind=" + kind + ", images=" + imageReferences.size() + "]";
    }
}
