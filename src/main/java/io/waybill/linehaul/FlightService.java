package io.waybill.linehaul;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantContext;
import io.waybill.linehaul.config.FlightDataProperties;
import io.waybill.shipments.BulkTracking;
import io.waybill.shipments.ShipmentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flights and what their changes do to the bags on board and the shipments inside: departure and
 * landing write an entry on every shipment ("Departed DEL 14:05 on AI 101"), a delay writes one and
 * moves each shipment's estimated delivery to the day the flight now lands (if it was earlier), a
 * cancellation takes the bags off and back to their origin hub with an entry saying so, a diversion
 * writes one. All in the transaction of the flight's change, with one {@code flight.status.updated}.
 * Flights are for admins; the provider reaches them through signed alerts. The provider's calls
 * ({@link FlightProviderLink}) are made outside these transactions.
 */
@Service
public class FlightService {

    private static final String NOT_FOUND = "No flight with this id.";

    private final FlightRepository flights;
    private final BagRepository bags;
    private final BagService bagService;
    private final BulkTracking tracking;
    private final EventPublisher events;
    private final FlightAlert.Reader alerts;
    private final FlightDataProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FlightService(FlightRepository flights, BagRepository bags, BagService bagService, BulkTracking tracking,
            EventPublisher events, FlightAlert.Reader alerts, FlightDataProperties properties, Clock clock,
            TransactionTemplate transaction) {
        this.flights = flights;
        this.transaction = transaction;
        this.bags = bags;
        this.bagService = bagService;
        this.tracking = tracking;
        this.events = events;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Flight schedule(Caller caller, Flight.Route route) {
        requireAdmin(caller);
        Flight flight = Flight.schedule(route, clock.instant());
        flights.add(flight);
        return flight;
    }

    public Flight get(Caller caller, UUID id) {
        requireAdmin(caller);
        return flights.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** Loads sealed bags (by id or code) onto a flight that has not left. Answers the bags on board. */
    @Transactional
    public List<Bag> load(Caller caller, UUID flightId, List<String> bagReferences) {
        requireAdmin(caller);
        if (bagReferences == null || bagReferences.isEmpty() || bagReferences.contains(null)) {
            throw new InvalidRequestException("bags", "is required: the ids or codes of sealed bags");
        }
        Flight flight = flights.lock(flightId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (flight.status() != FlightStatus.SCHEDULED && flight.status() != FlightStatus.DELAYED) {
            throw new ConflictException("The flight is " + flight.status().wireName() + ": bags are loaded before it "
                    + "departs.");
        }
        Instant now = clock.instant();
        for (String reference : bagReferences) {
            Bag bag = bagService.get(caller, reference);
            Bag locked = bags.lock(bag.id()).orElseThrow();
            locked.loadOnto(flight.id(), now);
            bags.update(locked);
        }
        return bags.lockOnFlight(flight.id());
    }

    /** An admin's report of the flight's status ({@code source} admin). */
    @Transactional
    public Applied report(Caller caller, UUID flightId, FlightReport report) {
        requireAdmin(caller);
        Flight flight = flights.lock(flightId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return apply(flight, report, "admin", caller.userId());
    }

    /** What the provider said when polled ({@code source} sync), applied to the flight as it is now. */
    @Transactional
    public Applied synced(UUID flightId, FlightReport report) {
        Flight flight = flights.lock(flightId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return apply(flight, report, "sync", null);
    }

    /**
     * A provider's alert: its signature checked first (401), then read (422 for a body that is not an
     * alert). An alert about a flight Waybill does not carry bags on, or with a status it does not
     * follow, is ignored; one received before changes nothing; a late one the lifecycle refuses (a
     * delay after landing) is ignored too, since the provider is not to be told off.
     */
    public Applied receiveAlert(String body, String signature) {
        AlertSignature.verify(properties.webhookSecret(), body, signature);
        FlightAlert alert = alerts.read(body);
        // The alert names a flight, not a tenant: it is applied as the work of each tenant that carries
        // bags on that flight, one transaction each. The answer is the furthest any of them got.
        Applied answer = new Applied(null, Outcome.IGNORED);
        for (UUID tenant : flights.tenantsWithFlight(alert.carrierCode(), alert.flightNumber(), alert.departureDay())) {
            Applied applied = TenantContext.callAs(tenant,
                    () -> transaction.execute(status -> receiveAlertOfTenant(alert, body)));
            if (applied.outcome().ordinal() < answer.outcome().ordinal()) {
                answer = applied;
            }
        }
        return answer;
    }

    private Applied receiveAlertOfTenant(FlightAlert alert, String body) {
        Optional<Flight> found = flights.lock(alert.carrierCode(), alert.flightNumber(), alert.departureDay())
                .filter(flight -> flight.route().departureAirport().equals(alert.departureAirport()));
        if (found.isEmpty() || alert.report() == null) {
            return new Applied(found.orElse(null), Outcome.IGNORED);
        }
        if (!flights.firstSight(AlertSignature.digest(body), found.get().id(), clock.instant())) {
            return new Applied(found.get(), Outcome.DUPLICATE);
        }
        return apply(found.get(), alert.report(), "webhook", null);
    }

    @Transactional
    public Flight subscribed(UUID flightId, String subscription) {
        Flight flight = flights.lock(flightId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        flight.subscribed(subscription, clock.instant());
        flights.update(flight);
        return flight;
    }

    /** Only an admin is told that the lifecycle refuses a report; the provider's late news is ignored. */
    private Applied apply(Flight flight, FlightReport report, String source, UUID by) {
        FlightStatus previous = flight.status();
        Instant now = clock.instant();
        Optional<FlightReport> changed;
        try {
            changed = flight.update(report, now);
        } catch (ConflictException outOfOrder) {
            if (by != null) {
                throw outOfOrder;
            }
            return new Applied(flight, Outcome.IGNORED);
        }
        if (changed.isEmpty()) {
            return new Applied(flight, Outcome.UNCHANGED);
        }
        flights.update(flight);
        List<Bag> onBoard = bags.lockOnFlight(flight.id());
        int shipments = cascade(flight, onBoard, by, now);
        events.publish(new FlightStatusUpdated(flight.id(), flight.route().designator(), previous.wireName(),
                flight.status().wireName(), flight.route().departureAirport(), flight.route().arrivalAirport(),
                flight.route().scheduledDeparture(), flight.estimatedDeparture(), flight.estimatedArrival(),
                onBoard.size(), shipments, source, now));
        return new Applied(flight, Outcome.APPLIED);
    }

    /** The entries the flight's change writes on the shipments of its bags; answers how many got one. */
    private int cascade(Flight flight, List<Bag> onBoard, UUID by, Instant now) {
        List<UUID> shipments = new ArrayList<>();
        onBoard.forEach(bag -> shipments.addAll(bag.shipmentsInOrder()));
        if (shipments.isEmpty() || flight.status() == FlightStatus.SCHEDULED) {
            return 0;
        }
        String note = flight.entryNote();
        switch (flight.status()) {
            case DEPARTED, LANDED -> {
                onBoard.forEach(bag -> bag.departed(now));
                tracking.record(new BulkTracking.Batch(shipments, ShipmentStatus.IN_TRANSIT, flight.entryAirport(),
                        note, by));
            }
            case DELAYED -> {
                LocalDate lands = flight.estimatedArrival().atZone(flight.route().arrivalZone()).toLocalDate();
                tracking.record(new BulkTracking.Batch(shipments, null, flight.entryAirport(), note, by, lands));
            }
            case DIVERTED -> tracking.record(new BulkTracking.Batch(shipments, null, flight.entryAirport(), note, by));
            case CANCELLED -> onBoard.forEach(bag -> {
                bag.unload(now);
                tracking.record(new BulkTracking.Batch(bag.shipmentsInOrder(), null,
                        bagService.hubName(bag.originHubId()), note, by));
            });
            case SCHEDULED -> {
                return 0;
            }
        }
        onBoard.forEach(bags::update);
        return shipments.size();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only an admin can manage flights.");
        }
    }

    /** What became of an update: applied, unchanged (already so), a duplicate alert, or ignored. */
    /** From furthest to least far: an alert applied to several tenants' flights answers the furthest. */
    public enum Outcome {
        APPLIED, UNCHANGED, DUPLICATE, IGNORED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The flight after an update (null for an alert about no known flight) and what became of it. */
    public record Applied(Flight flight, Outcome outcome) {
    }
}
