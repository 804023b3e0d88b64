package io.waybill.shipments.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;

import io.waybill.kernel.InvalidSettingException;
import io.waybill.shipments.ProofKind;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How deliveries are closed and what happens after failed ones ({@code waybill.delivery.*}).
 *
 * @param acceptedProofs    the proofs a delivery may rest on: any of otp, signature, photo (default all three);
 *                          without otp no codes are issued
 * @param maxFailedAttempts after this many failed attempts a shipment is returned to its sender by itself
 * @param maxImageSize      the largest signature or photo accepted (before it is re-encoded)
 * @param imageDir          where proof images are kept; blank: {@code proof-images} under {@code waybill.data-dir}
 */
@ConfigurationProperties("waybill.delivery")
public record DeliveryProperties(@DefaultValue({"otp", "signature", "photo"}) Set<ProofKind> acceptedProofs,
        @DefaultValue("3") int maxFailedAttempts, @DefaultValue("5MB") DataSize maxImageSize,
        @DefaultValue("") String imageDir) {

    public DeliveryProperties {
        if (acceptedProofs == null || acceptedProofs.isEmpty()) {
            throw new InvalidSettingException("waybill.delivery.accepted-proofs",
                    "waybill.delivery.accepted-proofs names no proof of delivery.",
                    "Set waybill.delivery.accepted-proofs to one or more of otp, signature, photo, or remove it to "
                            + "accept any.");
        }
        requireAtLeast("waybill.delivery.max-failed-attempts", maxFailedAttempts, 1);
        if (maxImageSize == null || maxImageSize.toBytes() < 1) {
            throw new InvalidSettingException("waybill.delivery.max-image-size",
                    "waybill.delivery.max-image-size must be positive; it is " + maxImageSize + ".",
                    "Set waybill.delivery.max-image-size to a size such as 5MB, or remove it to use the default.");
        }
        acceptedProofs = Set.copyOf(acceptedProofs);
        imageDir = imageDir == null ? "" : imageDir.trim();
    }
}
