package io.waybill.network;

import io.waybill.platform.InvalidRequestException;

/** The network's rules for free-text fields: trimmed, bounded, blank means absent. */
final class Text {

    private Text() {
    }

    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvalidRequestException(field, "is required");
        }
        return text;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidRequestException(field, "must be at most " + max + " characters");
        }
        return text;
    }
}
