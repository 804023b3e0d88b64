package io.waybill.shipments;

import org.springframework.modulith.NamedInterface;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What shows that a parcel reached its recipient: the one-time code, a signature image, or a photo. */
@NamedInterface("events")
public enum ProofKind {
    OTP, SIGNATURE, PHOTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this proof is an image the agent uploads. */
    public boolean isImage() {
        return this != OTP;
    }

    public static Optional<ProofKind> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wire = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(wire)).findFirst();
    }

    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(ProofKind::wireName).toList());
    }
}
