package io.waybill.linehaul;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where flights and the provider alerts applied to them are kept. */
public interface FlightRepository {

    Optional<Flight> find(UUID id);

    /** Loads a flight and locks it until the transaction ends, so that updates to it queue up. */
    Optional<Flight> lock(UUID id);

    /** The tenants with a flight of this carrier and number departing on this day (UTC): asked across tenants. */
    List<UUID> tenantsWithFlight(String carrierCode, String flightNumber, LocalDate departureDay);

    /** The flight of this carrier and number scheduled to depart on this day (UTC), locked. */
    Optional<Flight> lock(String carrierCode, String flightNumber, LocalDate departureDay);

    void add(Flight flight);

    void update(Flight flight);

    /** Records an alert for a flight; false when an alert with this digest was recorded before. */
    boolean firstSight(String alertDigest, UUID flightId, java.time.Instant at);
}
