package io.waybill.kernel;

/**
 * The rule for the free text people type into Waybill (names, addresses, locations, notes): it is
 * trimmed, bounded, blank means absent, and it is one printable line. Such text ends up in emails,
 * text messages and log lines, where a line break would let the writer add lines of their own
 * ("URGENT: pay at ...") under Waybill's name; nothing Waybill stores needs more than one line.
 * Refused: the C0 controls (CR, LF, tab and the rest), DEL, the C1 controls and the Unicode line
 * and paragraph separators.
 */
public final class SingleLineText {

    private SingleLineText() {
    }

    /** The stripped value; refuses a blank one. */
    public static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new InvalidRequestException(field, "is required");
        }
        return text;
    }

    /** The stripped value, or null when blank. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidRequestException(field, "must be at most " + max + " characters");
        }
        return check(field, text);
    }

    /** The value unchanged if it is one printable line (or null); refuses it otherwise. */
    public static String check(String field, String value) {
        if (value != null && !isSingleLine(value)) {
            throw new InvalidRequestException(field, "must be a single line without control characters");
        }
        return value;
    }

    public static boolean isSingleLine(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
