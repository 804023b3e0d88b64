package io.waybill.care;

import io.waybill.kernel.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a ticket is about. The wire form is the lower-case name. */
public enum TicketCategory {
    DELAY, DAMAGE, LOST, PAYMENT, OTHER;

    public static final String ONE_OF = "must be one of delay, damage, lost, payment, other";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketCategory parse(String field, String value) {
        return fromWire(value).orElseThrow(() -> new InvalidRequestException(field, ONE_OF));
    }

    public static Optional<TicketCategory> fromWire(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(category -> category.wireName().equals(value.trim())).findFirst();
    }
}
