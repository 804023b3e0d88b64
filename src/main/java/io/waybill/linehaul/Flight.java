package io.waybill.linehaul;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A scheduled flight that carries sealed bags, identified as an airline does: its carrier's IATA code
 * and number ({@code AI 101}) and its departure and arrival airports' IATA codes.
 *
 * <p>Lifecycle ({@link FlightStatus}): an update that says what the flight already is (the same
 * status and times, say a provider's alert sent twice) changes nothing; one the lifecycle does not
 * allow (departed after landing) is refused. Times are shown in the airports' zones (UTC unless
 * given).
 */
public final class Flight {

    private static final Pattern CARRIER = Pattern.compile("(?=.*[A-Z])[A-Z0-9]{2}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}[A-Z]?");
    private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final UUID id;
    private final Route route;
    private final Instant createdAt;
    private FlightStatus status;
    private Instant estimatedDeparture;
    private Instant estimatedArrival;
    private String alertSubscription;
    private Instant updatedAt;

    /**
     * Where and when a flight goes, as scheduled.
     *
     * @param departureZone the departure airport's zone, in which its times are shown
     */
    public record Route(String carrierCode, String flightNumber, String departureAirport, String arrivalAirport,
            Instant scheduledDeparture, Instant scheduledArrival, ZoneId departureZone, ZoneId arrivalZone) {

        public Route {
            carrierCode = code("carrier_code", carrierCode, CARRIER, "two letters or digits (an IATA airline code)");
            flightNumber = code("flight_number", flightNumber, NUMBER, "1 to 4 digits and an optional letter");
            departureAirport = code("departure_airport", departureAirport, AIRPORT, "three letters (an IATA airport code)");
            arrivalAirport = code("arrival_airport", arrivalAirport, AIRPORT, "three letters (an IATA airport code)");
            if (departureAirport.equals(arrivalAirport)) {
                throw new InvalidRequestException("arrival_airport", "is the departure airport");
            }
            if (scheduledDeparture == null) {
                throw new InvalidRequestException("scheduled_departure", "is required");
            }
            if (scheduledArrival == null || !scheduledArrival.isAfter(scheduledDeparture)) {
                throw new InvalidRequestException("scheduled_arrival", "is required, after scheduled_departure");
            }
            departureZone = departureZone == null ? ZoneId.of("UTC") : departureZone;
            arrivalZone = arrivalZone == null ? ZoneId.of("UTC") : arrivalZone;
        }

        /** e.g. {@code AI 101} */
        public String designator() {
            return carrierCode + " " + flightNumber;
        }

        private static String code(String field, String value, Pattern shape, String rule) {
            String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            if (!shape.matcher(code).matches()) {
                throw new InvalidRequestException(field, "is required: " + rule);
            }
            return code;
        }
    }

    private Flight(UUID id, Route route, FlightStatus status, Instant estimatedDeparture, Instant estimatedArrival,
            String alertSubscription, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.route = Objects.requireNonNull(route);
        this.status = Objects.requireNonNull(status);
        this.estimatedDeparture = estimatedDeparture;
        this.estimatedArrival = estimatedArrival;
        this.alertSubscription = alertSubscription;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    public static Flight schedule(Route route, Instant at) {
        return new Flight(UUID.randomUUID(), route, FlightStatus.SCHEDULED, route.scheduledDeparture(),
                route.scheduledArrival(), null, at, at);
    }

    /** Rebuilds a stored flight; for repositories only. */
    public static Flight restore(UUID id, Route route, FlightStatus status, Instant estimatedDeparture,
            Instant estimatedArrival, String alertSubscription, Instant createdAt, Instant updatedAt) {
        return new Flight(id, route, status, estimatedDeparture, estimatedArrival, alertSubscription, createdAt,
                updatedAt);
    }

    /**
     * Applies what is now known of the flight. Empty when it says nothing new; a move the lifecycle
     * does not allow is refused. A time left null keeps the expected one.
     */
    public Optional<FlightReport> update(FlightReport report, Instant at) {
        FlightStatus next = report.status();
        Instant departure = report.estimatedDeparture() != null ? report.estimatedDeparture() : estimatedDeparture;
        Instant arrival = report.estimatedArrival() != null ? report.estimatedArrival() : estimatedArrival;
        if (next == status && departure.equals(estimatedDeparture) && arrival.equals(estimatedArrival)) {
            return Optional.empty();
        }
        if (next != status && !status.canMoveTo(next)) {
            throw new ConflictException("The flight is " + status.wireName() + ": it cannot be " + next.wireName()
                    + " now.");
        }
        if (next == status && status != FlightStatus.DELAYED && status != FlightStatus.SCHEDULED) {
            throw new ConflictException("The flight is " + status.wireName() + ": its times no longer change.");
        }
        status = next;
        estimatedDeparture = departure;
        estimatedArrival = arrival;
        updatedAt = at;
        return Optional.of(new FlightReport(status, estimatedDeparture, estimatedArrival));
    }

    /** What a customer reads of this flight's change, e.g. {@code Departed DEL 14:05 on AI 101}. */
    public String entryNote() {
        return switch (status) {
            case DEPARTED -> "Departed " + route.departureAirport() + " " + local(estimatedDeparture, route.departureZone())
                    + " on " + route.designator();
            case LANDED -> "Landed " + route.arrivalAirport() + " " + local(estimatedArrival, route.arrivalZone())
                    + " on " + route.designator();
            case DELAYED -> "Flight " + route.designator() + " delayed: departs " + route.departureAirport() + " "
                    + local(estimatedDeparture, route.departureZone());
            case CANCELLED -> "Flight " + route.designator() + " cancelled: back at the hub";
            case DIVERTED -> "Flight " + route.designator() + " diverted";
            case SCHEDULED -> "Flight " + route.designator() + " scheduled";
        };
    }

    /** The airport an entry of this change is at: where the flight is (or was meant to be). */
    public String entryAirport() {
        return status == FlightStatus.LANDED || status == FlightStatus.DIVERTED ? route.arrivalAirport()
                : route.departureAirport();
    }

    private static String local(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(zone));
    }

    public void subscribed(String subscription, Instant at) {
        this.alertSubscription = Objects.requireNonNull(subscription);
        this.updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public Route route() {
        return route;
    }

    public FlightStatus status() {
        return status;
    }

    public Instant estimatedDeparture() {
        return estimatedDeparture;
    }

    public Instant estimatedArrival() {
        return estimatedArrival;
    }

    public String alertSubscription() {
        return alertSubscription;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
