package io.waybill.shipments.web;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.FailureReason;
import io.waybill.shipments.ProofKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Reads the delivery fields of a body: an unknown code or a malformed value is a 422 naming the field. */
final class DeliveryParameters {

    private DeliveryParameters() {
    }

    static FailureReason reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return FailureReason.fromWire(value).orElseThrow(() ->
                new InvalidRequestException("reason", "must be one of " + FailureReason.allWireNames()));
    }

    static ProofKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("kind", "is required: one of " + ProofKind.allWireNames());
        }
        return ProofKind.fromWire(value).orElseThrow(() ->
                new InvalidRequestException("kind", "must be one of " + ProofKind.allWireNames()));
    }

    static DeliveryInstruction.Action action(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("action", "is required: one of "
                    + DeliveryInstruction.Action.allWireNames());
        }
        return DeliveryInstruction.Action.fromWire(value).orElseThrow(() -> new InvalidRequestException("action",
                "must be one of " + DeliveryInstruction.Action.allWireNames()));
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date", "must be a date such as 2026-11-24");
        }
    }

    /** The image in base64, plain or as a {@code data:image/...;base64,} URL; null when none was sent. */
    static byte[] image(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        String data = base64.strip();
        if (data.startsWith("data:")) {
            int comma = data.indexOf(',');
            if (comma < 0 || !data.substring(0, comma).endsWith(";base64")) {
                throw new InvalidRequestException("image", "must be base64, or a base64 data URL");
            }
            data = data.substring(comma + 1);
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("image", "is not valid base64");
        }
    }
}
