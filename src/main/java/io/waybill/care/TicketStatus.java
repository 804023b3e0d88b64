package io.waybill.care;

import io.waybill.kernel.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's lifecycle: open until staff take it up (in_progress), resolved when staff consider it
 * answered (the requester may reopen it), closed for good by either side.
 */
public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    public static final String ONE_OF = "must be one of open, in_progress, resolved, closed";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statuses this one may move to; closed is final. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(IN_PROGRESS, RESOLVED, CLOSED);
            case IN_PROGRESS -> Set.of(RESOLVED, CLOSED);
            case RESOLVED -> Set.of(OPEN, IN_PROGRESS, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canMoveTo(TicketStatus next) {
        return next().contains(next);
    }

    public static TicketStatus parse(String field, String value) {
        return fromWire(value).orElseThrow(() -> new InvalidRequestException(field, ONE_OF));
    }

    public static Optional<TicketStatus> fromWire(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(status -> status.wireName().equals(value.trim())).findFirst();
    }
}
