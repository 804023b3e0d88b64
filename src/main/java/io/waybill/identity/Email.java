package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased once, here, so that comparisons ignore case. */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 254;

    public Email {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("email", "is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches() || !SingleLineText.isSingleLine(value)) {
            throw new InvalidRequestException("email", "is not a valid email address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
