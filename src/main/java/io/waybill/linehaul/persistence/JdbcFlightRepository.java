package io.waybill.linehaul.persistence;

import io.waybill.linehaul.Flight;
import io.waybill.linehaul.FlightRepository;
import io.waybill.linehaul.FlightStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFlightRepository implements FlightRepository {

    private static final String COLUMNS = """
            id, carrier_code, flight_number, departure_airport, arrival_airport, scheduled_departure,
            scheduled_arrival, departure_zone, arrival_zone, status, estimated_departure, estimated_arrival,
            alert_subscription, created_at, updated_at""";

    private final JdbcClient jdbc;

    JdbcFlightRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Flight> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from linehaul.flights where id = ?").param(id)
                .query((rs, n) -> restore(rs)).optional();
    }

    @Override
    public Optional<Flight> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from linehaul.flights where id = ? for update").param(id)
                .query((rs, n) -> restore(rs)).optional();
    }

    @Override
    public List<UUID> tenantsWithFlight(String carrierCode, String flightNumber, LocalDate departureDay) {
        Instant from = departureDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbc.sql("select t from linehaul.tenants_with_flight(?, ?, ?, ?) t order by t")
                .params(carrierCode, flightNumber, Timestamp.from(from), Timestamp.from(from.plusSeconds(86_400)))
                .query(UUID.class).list();
    }

    @Override
    public Optional<Flight> lock(String carrierCode, String flightNumber, LocalDate departureDay) {
        Instant from = departureDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbc.sql("select " + COLUMNS + " from linehaul.flights where carrier_code = ? and flight_number = ? "
                        + "and scheduled_departure >= ? and scheduled_departure < ? order by scheduled_departure, id "
                        + "limit 1 for update")
                .params(carrierCode, flightNumber, Timestamp.from(from), Timestamp.from(from.plusSeconds(86_400)))
                .query((rs, n) -> restore(rs)).optional();
    }

    @Override
    public void add(Flight flight) {
        Flight.Route route = flight.route();
        jdbc.sql("insert into linehaul.flights (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(flight.id(), route.carrierCode(), route.flightNumber(), route.departureAirport(),
                        route.arrivalAirport(), Timestamp.from(route.scheduledDeparture()),
                        Timestamp.from(route.scheduledArrival()), route.departureZone().getId(),
                        route.arrivalZone().getId(), flight.status().wireName(),
                        Timestamp.from(flight.estimatedDeparture()), Timestamp.from(flight.estimatedArrival()),
                        flight.alertSubscription(), Timestamp.from(flight.createdAt()),
                        Timestamp.from(flight.updatedAt()))
                .update();
    }

    @Override
    public void update(Flight flight) {
        jdbc.sql("""
                update linehaul.flights set status = ?, estimated_departure = ?, estimated_arrival = ?,
                    alert_subscription = ?, updated_at = ?
                where id = ?""")
                .params(flight.status().wireName(), Timestamp.from(flight.estimatedDeparture()),
                        Timestamp.from(flight.estimatedArrival()), flight.alertSubscription(),
                        Timestamp.from(flight.updatedAt()), flight.id())
                .update();
    }

    @Override
    public boolean firstSight(String alertDigest, UUID flightId, Instant at) {
        return jdbc.sql("insert into linehaul.flight_alerts (digest, flight_id, received_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(alertDigest, flightId, Timestamp.from(at)).update() == 1;
    }

    private static Flight restore(ResultSet rs) throws SQLException {
        Flight.Route route = new Flight.Route(rs.getString("carrier_code"), rs.getString("flight_number"),
                rs.getString("departure_airport"), rs.getString("arrival_airport"),
                rs.getTimestamp("scheduled_departure").toInstant(), rs.getTimestamp("scheduled_arrival").toInstant(),
                ZoneId.of(rs.getString("departure_zone")), ZoneId.of(rs.getString("arrival_zone")));
        return Flight.restore(rs.getObject("id", UUID.class), route,
                FlightStatus.fromWire(rs.getString("status")).orElseThrow(),
                rs.getTimestamp("estimated_departure").toInstant(), rs.getTimestamp("estimated_arrival").toInstant(),
                rs.getString("alert_subscription"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
