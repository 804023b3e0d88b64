package io.waybill.kernel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, then 8 to 15 digits, the first not 0, nothing else
 * (no spaces or dashes), e.g. {@code +919840000000}. That is what SMS providers take, and a
 * value of that shape carries nothing a text message or a log line could be abused with.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an E.164 phone number");
        }
    }

    /** A phone number a client gave: blank means none; anything but E.164 is refused with a 422. */
    public static Optional<PhoneNumber> parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (!E164.matcher(stripped).matches()) {
            throw new InvalidRequestException(field, "must be a phone number in E.164 form: + and 8 to 15 digits, "
                    + "without spaces, e.g. +919840000000");
        }
        return Optional.of(new PhoneNumber(stripped));
    }

    /** A stored number, if it is valid: rows from before the rule may hold anything. */
    public static Optional<PhoneNumber> ifValid(String stored) {
        return stored != null && E164.matcher(stored).matches() ? Optional.of(new PhoneNumber(stored))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
