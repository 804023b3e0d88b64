package io.waybill.kernel;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time zones as clients and settings name them: an IANA region id such as {@code Asia/Kolkata}, or
 * {@code UTC}. Fixed offsets ("+05:30") are refused: a place keeps its zone across daylight saving
 * changes, an offset does not. The id is kept as {@link ZoneId} spells it.
 */
public final class TimeZones {

    private TimeZones() {
    }

    /** The zone named by the field, or null when blank; a name that is not a zone is a 422 for the field. */
    public static ZoneId optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ZoneId zone = parseOrNull(value.strip());
        if (zone == null) {
            throw new InvalidRequestException(field, "must be an IANA time zone such as Asia/Kolkata or UTC");
        }
        return zone;
    }

    /** Whether this is a zone a place may have (see the class comment). */
    public static boolean isValid(String value) {
        return value != null && parseOrNull(value.strip()) != null;
    }

    /** A setting's zone; a bad one stops start-up with the setting's name. */
    public static ZoneId setting(String property, String value) {
        ZoneId zone = value == null ? null : parseOrNull(value.strip());
        if (zone == null) {
            throw new InvalidSettingException(property, property + " must be an IANA time zone; it is \""
                    + LogSafe.escape(String.valueOf(value)) + "\".",
                    "Set " + property + " to a zone such as UTC or Asia/Kolkata, or remove it to use UTC.");
        }
        return zone;
    }

    private static ZoneId parseOrNull(String value) {
        if (value.isEmpty() || value.length() > 64) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(value);
            if (zone instanceof ZoneOffset && !"Z".equals(zone.getId())) {
                return null;
            }
            return "Z".equals(zone.getId()) ? ZoneId.of("UTC") : zone;
        } catch (DateTimeException notAZone) {
            return null;
        }
    }
}
