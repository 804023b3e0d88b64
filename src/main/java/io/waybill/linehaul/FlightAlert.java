package io.waybill.linehaul;

import java.time.LocalDate;

/**
 * A provider's alert about a flight, as read from its body: which flight (carrier, number, departure
 * airport and UTC day of the scheduled departure) and what it now is; a null report when the alert
 * says nothing Waybill follows (a status it does not know).
 */
public record FlightAlert(String carrierCode, String flightNumber, String departureAirport, LocalDate departureDay,
        FlightReport report) {

    /** Reads an alert's body; an {@link io.waybill.kernel.InvalidRequestException} when it is not one. */
    public interface Reader {

        FlightAlert read(String body);
    }
}
