package io.waybill.shipments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** How a shipment's delivery was proven: kept with the shipment once it is delivered. */
public record ProofOfDelivery(ProofKind kind, String receivedBy, Double latitude, Double longitude,
        String location, List<String> imageReferences, UUID recordedBy, Instant deliveredAt) {

    public ProofOfDelivery {
        imageReferences = List.copyOf(imageReferences);
    }

    /** The receiver as the public may see them: initials only, "Ravi Kumar" as "R. K.". */
    public String receivedByInitials() {
        return initials(receivedBy);
    }

    static String initials(String name) {
        List<String> initials = new ArrayList<>();
        for (String part : name.trim().split("[\\s.\\-]+")) {
            if (!part.isEmpty()) {
                initials.add(new String(Character.toChars(part.codePointAt(0))).toUpperCase(Locale.ROOT) + ".");
            }
        }
        return String.join(" ", initials);
    }
}
