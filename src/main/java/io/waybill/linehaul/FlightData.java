package io.waybill.linehaul;

/**
 * A flight-data provider, as line haul uses it: what it says of a flight now (polled, in the manner
 * of Aviationstack), and a subscription to its alerts for a flight (in the manner of AeroDataBox),
 * delivered to {@code POST /flights/webhook}. Both are network calls: never made inside a
 * transaction.
 */
public interface FlightData {

    /** The flight's status now; a {@link FlightDataUnavailableException} when the provider cannot say. */
    FlightReport status(Flight.Route route);

    /** Subscribes the flight's alerts to {@code callbackUrl}; answers the provider's subscription id. */
    String subscribe(Flight.Route route, String callbackUrl);
}
