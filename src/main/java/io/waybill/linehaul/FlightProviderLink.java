package io.waybill.linehaul;

import io.waybill.kernel.Caller;
import io.waybill.linehaul.config.FlightDataProperties;
import org.springframework.stereotype.Service;

/**
 * The calls to the flight-data provider an admin asks for, each made outside any transaction (the
 * flight is read, the provider called, then the answer applied in a transaction of its own), so that
 * a slow provider holds no lock and no connection.
 */
@Service
public class FlightProviderLink {

    private final FlightService flights;
    private final FlightData provider;
    private final FlightDataProperties properties;

    FlightProviderLink(FlightService flights, FlightData provider, FlightDataProperties properties) {
        this.flights = flights;
        this.provider = provider;
        this.properties = properties;
    }

    /** Pulls the flight's status from the provider and applies it ({@code source} sync). */
    public FlightService.Applied sync(Caller caller, java.util.UUID flightId) {
        Flight flight = flights.get(caller, flightId);
        return flights.synced(flight.id(), provider.status(flight.route()));
    }

    /** Subscribes the flight's alerts with the provider, to be delivered to this server's webhook. */
    public Flight subscribeAlerts(Caller caller, java.util.UUID flightId) {
        Flight flight = flights.get(caller, flightId);
        if (properties.callbackUrl().isBlank()) {
            throw new FlightDataUnavailableException("No callback URL is configured for flight alerts "
                    + "(WAYBILL_FLIGHTS_CALLBACK_URL).");
        }
        return flights.subscribed(flight.id(), provider.subscribe(flight.route(), properties.callbackUrl()));
    }
}
