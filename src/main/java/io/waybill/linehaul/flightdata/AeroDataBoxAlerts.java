package io.waybill.linehaul.flightdata;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.linehaul.FlightAlert;
import io.waybill.linehaul.FlightReport;
import io.waybill.linehaul.FlightStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads alerts shaped like AeroDataBox's: {@code {"flights": [{"number": "AI 101", "status":
 * "Departed", "departure": {"airport": {"iata": "DEL"}, "scheduledTime": {"utc": "2026-12-02 08:35Z"},
 * "revisedTime": {"utc": ...}}, "arrival": {...}}]}}; the first flight of the list is the alert's.
 */
@Component
class AeroDataBoxAlerts implements FlightAlert.Reader {

    private static final Pattern NUMBER = Pattern.compile("([A-Z0-9]{2})\\s*([0-9]{1,4}[A-Z]?)");
    private static final Map<String, FlightStatus> STATUSES = Map.ofEntries(
            Map.entry("expected", FlightStatus.SCHEDULED), Map.entry("scheduled", FlightStatus.SCHEDULED),
            Map.entry("delayed", FlightStatus.DELAYED), Map.entry("departed", FlightStatus.DEPARTED),
            Map.entry("enroute", FlightStatus.DEPARTED), Map.entry("arrived", FlightStatus.LANDED),
            Map.entry("landed", FlightStatus.LANDED), Map.entry("canceled", FlightStatus.CANCELLED),
            Map.entry("cancelled", FlightStatus.CANCELLED), Map.entry("diverted", FlightStatus.DIVERTED));

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public FlightAlert read(String body) {
        JsonNode flight;
        try {
            flight = json.readTree(body).path("flights").path(0);
        } catch (JacksonException e) {
            throw new InvalidRequestException("flights", "is not JSON");
        }
        Matcher number = NUMBER.matcher(flight.path("number").asString("").strip().toUpperCase(Locale.ROOT));
        if (!number.matches()) {
            throw new InvalidRequestException("flights", "needs a flight whose number is a carrier code and a number");
        }
        JsonNode departure = flight.path("departure");
        String airport = departure.path("airport").path("iata").asString("").strip().toUpperCase(Locale.ROOT);
        Instant scheduled = time(departure.path("scheduledTime"));
        if (airport.isEmpty() || scheduled == null) {
            throw new InvalidRequestException("flights", "needs the departure airport's IATA code and scheduled time");
        }
        FlightStatus status = STATUSES.get(flight.path("status").asString("").strip().toLowerCase(Locale.ROOT));
        FlightReport report = status == null ? null : new FlightReport(status, time(departure.path("revisedTime")),
                time(flight.path("arrival").path("revisedTime")));
        return new FlightAlert(number.group(1), number.group(2), airport,
                scheduled.atOffset(ZoneOffset.UTC).toLocalDate(), report);
    }

    /** AeroDataBox writes {@code 2026-12-02 08:35Z}; ISO-8601 with a T is read as well. */
    private static Instant time(JsonNode moment) {
        String text = moment.path("utc").asString("").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("flights", "has a time that is not ISO-8601 UTC: " + text);
        }
    }
}
