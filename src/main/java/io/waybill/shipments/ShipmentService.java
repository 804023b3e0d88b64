package io.waybill.shipments;

import io.waybill.security.AccountLookup;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.security.RateLimit;
import io.waybill.kernel.Role;
import io.waybill.security.Throttle;
import io.waybill.kernel.TimeZones;
import io.waybill.shipments.config.ShipmentsProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Loads shipments, lets the aggregate decide, stores the result and announces it. Who may see a
 * shipment is the aggregate's rule; this service turns "may not see" into "not found", the very
 * answer an unknown id gets, and checks it before it locks a shipment for a change, so that a
 * caller who may not see it can neither tell it exists nor hold up its real handlers.
 */
@Service
public class ShipmentService {

    private static final String NOT_FOUND = "No shipment with this id or tracking number.";
    private static final int TRACKING_NUMBER_ATTEMPTS = 10;

    private final ShipmentRepository shipments;
    private final AgentLocations agentLocations;
    private final AccountLookup accounts;
    private final EventPublisher events;
    private final Throttle throttle;
    private final Clock clock;
    private final NetworkCopy network;
    private final ZoneId defaultZone;
    private final DeliveryPromise defaultPromise;
    private final DeliveryPolicy delivery;
    private final TenantProofs tenantProofs;
    private final ProofImageStore images;
    private final TransactionOperations transactions;
    private final RandomGenerator random;

    @Autowired
    ShipmentService(ShipmentRepository shipments, AgentLocations agentLocations, AccountLookup accounts,
            EventPublisher events, Throttle throttle, Clock clock, NetworkCopy network, ShipmentsProperties properties,
            DeliveryPolicy delivery, TenantProofs tenantProofs, ProofImageStore images,
            TransactionOperations transactions) {
        this(shipments, agentLocations, accounts, events, throttle, clock, network, properties, delivery,
                tenantProofs, images, transactions, new SecureRandom());
    }

    /** As above, drawing tracking numbers from {@code random}. */
    ShipmentService(ShipmentRepository shipments, AgentLocations agentLocations, AccountLookup accounts,
            EventPublisher events, Throttle throttle, Clock clock, NetworkCopy network, ShipmentsProperties properties,
            DeliveryPolicy delivery, TenantProofs tenantProofs, ProofImageStore images,
            TransactionOperations transactions, RandomGenerator random) {
        this.random = random;
        this.transactions = transactions;
        this.delivery = delivery;
        this.tenantProofs = tenantProofs;
        this.images = images;
        this.shipments = shipments;
        this.agentLocations = agentLocations;
        this.accounts = accounts;
        this.events = events;
        this.throttle = throttle;
        this.clock = clock;
        this.network = network;
        this.defaultZone = properties.zone();
        this.defaultPromise = new DeliveryPromise(properties.eta().standardTransitDays(),
                properties.eta().expressTransitDays());
    }

    /**
     * Books a shipment for the calling customer, or, for an admin, on behalf of a customer. A
     * customer's bookings are counted ({@link RateLimit#BOOKING}): each one mails and texts, so an
     * account that books without pause is refused for a while.
     */
    public ShipmentView book(Caller caller, UUID onBehalfOf, ShipmentDetails details) {
        return book(caller, onBehalfOf, details, ServiceLevel.STANDARD);
    }

    /**
     * {@link #book(Caller, UUID, ShipmentDetails)} at a service level. The promised delivery date is the
     * booking's date where it is booked from (the zone of the hub its source address names, else
     * {@code waybill.time-zone}) plus the transit days of the lane joining its cities, or the defaults.
     */
    public ShipmentView book(Caller caller, UUID onBehalfOf, ShipmentDetails details, ServiceLevel serviceLevel) {
        return book(caller, onBehalfOf, details, serviceLevel, Payment.prepaid());
    }

    /**
     * {@link #book(Caller, UUID, ShipmentDetails, ServiceLevel)} paid as {@code payment} says. Only the
     * writes share a transaction: the account's budget (Redis, when configured) is taken before it opens.
     */
    public ShipmentView book(Caller caller, UUID onBehalfOf, ShipmentDetails details, ServiceLevel serviceLevel,
            Payment payment) {
        UUID customerId = customerFor(caller, onBehalfOf);
        Instant now = clock.instant();
        ZoneId zone = zoneOf(details.sourceAddress(), null);
        LocalDate promised = defaultPromise.promisedDate(now.atZone(zone).toLocalDate(), serviceLevel,
                TransitLane.between(network.lanes(), details.sourceAddress(), details.destinationAddress()));
        // Made first, so that a booking refused for what it says does not spend the account's budget.
        Shipment.Booking booking = Shipment.book(TrackingNumber.random(random), customerId, details, serviceLevel,
                promised, zone, payment, caller.userId(), now);
        if (!caller.isAdmin()) {
            Throttle.Quota quota = throttle.take(RateLimit.BOOKING, caller.userId().toString());
            if (!quota.taken()) {
                throw quota.refusal("Too many bookings from this account: at most " + quota.limit()
                        + " in a row; try again later.");
            }
        }
        for (int attempt = 1; ; attempt++) {
            Shipment.Booking drawn = booking;
            ShipmentView booked = transactions.execute(status -> {
                if (!shipments.add(drawn.shipment())) {
                    return null;
                }
                drawn.events().forEach(events::publish);
                return ShipmentView.of(drawn.shipment());
            });
            if (booked != null) {
                return booked;
            }
            if (attempt == TRACKING_NUMBER_ATTEMPTS) {
                throw new IllegalStateException("Could not draw an unused tracking number");
            }
            // The number drawn is taken: the same booking under another one.
            booking = Shipment.book(TrackingNumber.random(random), customerId, details, serviceLevel, promised,
                    zone, payment, caller.userId(), now);
        }
    }

    public Page<ShipmentView> list(Caller caller, ShipmentStatus status, PageQuery page) {
        return shipments.list(filterFor(caller, status), page);
    }

    /**
     * A page of the shipments the caller may see whose tracking number or recipient's name holds the
     * text, ignoring case, newest first; all of them for a blank text.
     */
    public Page<ShipmentView> search(Caller caller, ShipmentStatus status, String text, PageQuery page) {
        String needle = text == null ? "" : text.strip();
        return needle.isEmpty() ? list(caller, status, page) : shipments.search(filterFor(caller, status), needle, page);
    }

    /**
     * A page of the shipments the caller may see: newest first, or, with {@code updatedSince}, those
     * changed since then, by last change, oldest first (for a client that syncs). The page is asked
     * for by number or by the cursor a previous page gave; by cursor, it is read from an index
     * however deep into the list, and the list is not counted.
     */
    public ShipmentSlice list(Caller caller, ShipmentStatus status, Instant updatedSince, ShipmentCursor after,
            PageQuery page) {
        ShipmentCursor.Order order = after != null ? after.order()
                : updatedSince != null ? ShipmentCursor.Order.UPDATED_FIRST : ShipmentCursor.Order.NEWEST_FIRST;
        if (after != null && page.page() > 0) {
            throw new BadParameterException("cursor", "cannot be combined with page");
        }
        if (after != null && order == ShipmentCursor.Order.NEWEST_FIRST && updatedSince != null) {
            throw new BadParameterException("cursor", "belongs to a list without updated_since");
        }
        ShipmentRepository.ShipmentFilter filter = filterFor(caller, status);
        List<ShipmentView> read = shipments.list(filter, new ShipmentRepository.Range(order, updatedSince, after,
                after == null ? page.offset() : 0, page.size() + 1));
        boolean more = read.size() > page.size();
        List<ShipmentView> items = more ? read.subList(0, page.size()) : read;
        return new ShipmentSlice(items, after == null ? page.page() : null, page.size(),
                after == null ? shipments.count(filter, updatedSince) : null,
                more ? ShipmentCursor.after(order, items.get(items.size() - 1)) : null);
    }

    private static ShipmentRepository.ShipmentFilter filterFor(Caller caller, ShipmentStatus status) {
        return switch (caller.role()) {
            case ADMIN -> new ShipmentRepository.ShipmentFilter(null, null, status);
            case AGENT -> new ShipmentRepository.ShipmentFilter(null, caller.userId(), status);
            case CUSTOMER -> new ShipmentRepository.ShipmentFilter(caller.userId(), null, status);
            // Refused before it gets here (security); were it not, a platform operator sees no shipment.
            case PLATFORM -> new ShipmentRepository.ShipmentFilter(caller.userId(), caller.userId(), status);
        };
    }

    /** One shipment; while it is out for delivery, with where its agent was last seen. */
    public ShipmentView get(Caller caller, String reference) {
        // Read as a view: the aggregate (history, delivery code, failures, proof) is not needed to show it.
        ShipmentView view = find(reference, shipments::view, shipments::view);
        if (!view.isVisibleTo(caller)) {
            throw new NotFoundException(NOT_FOUND);
        }
        if (!view.sharesAgentLocationWith(caller)) {
            return view;
        }
        return agentLocations.latest(view.agentId()).map(view::withAgentLocation).orElse(view);
    }

    public List<TrackingUpdate> history(Caller caller, String reference) {
        return visible(caller, find(reference, shipments::find, shipments::find)).history();
    }

    /** Changes a booking's details; fields left null keep their value. */
    @Transactional
    public ShipmentView edit(Caller caller, String reference, DetailsChange change) {
        return edit(caller, reference, change, null);
    }

    /** Changes a booking's details and, when {@code payment} is given, how it is paid for. */
    @Transactional
    public ShipmentView edit(Caller caller, String reference, DetailsChange change, Payment payment) {
        return ShipmentView.of(change(caller, reference, Access.MANAGE, shipment -> {
            shipment.edit(change.applyTo(shipment.details()), clock.instant());
            if (payment != null) {
                shipment.changePayment(payment, clock.instant());
            }
            return List.of();
        }));
    }

    /**
     * An admin lets the agent collect another amount than the one due for a cash-on-delivery shipment
     * (or takes that back), while its payment is pending.
     */
    @Transactional
    public Payment allowCollectionMismatch(Caller caller, String reference, boolean allowed) {
        return change(caller, reference, Access.ADMINISTER, shipment -> {
            shipment.allowCollectionMismatch(allowed, clock.instant());
            return List.of();
        }).payment();
    }

    /** An admin records that a remitted cash-on-delivery payment was paid back to the customer. */
    @Transactional
    public Payment refundPayment(Caller caller, String reference) {
        return change(caller, reference, Access.ADMINISTER,
                shipment -> shipment.refundPayment(caller.userId(), clock.instant())).payment();
    }

    @Transactional
    public ShipmentView cancel(Caller caller, String reference) {
        return ShipmentView.of(change(caller, reference, Access.MANAGE,
                shipment -> shipment.cancel(caller.userId(), clock.instant())));
    }

    @Transactional
    public ShipmentView changeStatus(Caller caller, String reference, ShipmentStatus next, String location,
            String note) {
        return changeStatus(caller, reference, next, location, note, null, null);
    }

    /**
     * {@link #changeStatus(Caller, String, ShipmentStatus, String, String)} with the IANA time zone the
     * scanner sent ({@code time_zone}); without one, the entry takes that of the hub its location names,
     * else {@code waybill.time-zone}.
     */
    @Transactional
    public ShipmentView changeStatus(Caller caller, String reference, ShipmentStatus next, String location,
            String note, String timeZone) {
        return changeStatus(caller, reference, next, location, note, timeZone, null);
    }

    /**
     * Moves a shipment on; a move to {@code delivery_failed} carries the agent's reason, and the
     * attempt that reaches the deployment's limit returns the shipment by itself.
     */
    @Transactional
    public ShipmentView changeStatus(Caller caller, String reference, ShipmentStatus next, String location,
            String note, FailureReason reason) {
        return changeStatus(caller, reference, next, location, note, null, reason);
    }

    /**
     * Moves a shipment on, with the IANA time zone the scanner sent (null: the zone of the hub its
     * location names, else {@code waybill.time-zone}) and, for {@code delivery_failed}, the agent's
     * reason. {@code delivered} is refused: deliveries are closed on a proof ({@link #deliver}).
     */
    @Transactional
    public ShipmentView changeStatus(Caller caller, String reference, ShipmentStatus next, String location,
            String note, String timeZone, FailureReason reason) {
        ZoneId sent = TimeZones.optional("time_zone", timeZone);
        return ShipmentView.of(change(caller, reference, Access.HANDLE,
                shipment -> moveOn(shipment, next, location, null, zoneOf(location, sent), note, reason, caller)));
    }

    /** A tracking update: a scan at a location, with a status change when a status is given. */
    @Transactional
    public TrackingUpdate track(Caller caller, String reference, String location, ShipmentStatus status,
            String note) {
        return track(caller, reference, location, null, null, status, note, null);
    }

    /** A tracking update with a status, and for {@code delivery_failed} its reason. */
    @Transactional
    public TrackingUpdate track(Caller caller, String reference, String location, ShipmentStatus status,
            String note, FailureReason reason) {
        return track(caller, reference, location, null, null, status, note, reason);
    }

    /**
     * {@link #track(Caller, String, String, ShipmentStatus, String)} with where the scanner stood
     * ({@code point}, null for none) and the IANA time zone it sent ({@code time_zone}, null for none:
     * the entry then takes that of the hub its location names, else {@code waybill.time-zone}).
     */
    @Transactional
    public TrackingUpdate track(Caller caller, String reference, String location, GeoPoint point, String timeZone,
            ShipmentStatus status, String note) {
        return track(caller, reference, location, point, timeZone, status, note, null);
    }

    /** The full tracking update: place, point, zone, status, note and, for {@code delivery_failed}, its reason. */
    @Transactional
    public TrackingUpdate track(Caller caller, String reference, String location, GeoPoint point, String timeZone,
            ShipmentStatus status, String note, FailureReason reason) {
        return change(caller, reference, Access.HANDLE,
                tracking(caller, location, point, timeZone, status, note, reason)).latestUpdate();
    }

    /**
     * A tracking update for the shipment a scanner read ({@link ScanCode}): the same update, rules and
     * refusals as {@link #track}, found by the code instead of the id.
     */
    @Transactional
    public Scan scan(Caller caller, ScanCode code, String location, GeoPoint point, String timeZone,
            ShipmentStatus status, String note) {
        return scan(caller, code, location, point, timeZone, status, note, null);
    }

    /** {@link #scan(Caller, ScanCode, String, GeoPoint, String, ShipmentStatus, String)} with a failure's reason. */
    @Transactional
    public Scan scan(Caller caller, ScanCode code, String location, GeoPoint point, String timeZone,
            ShipmentStatus status, String note, FailureReason reason) {
        if (!(code instanceof ScanCode.Parcel parcel)) {
            throw new InvalidRequestException("code", ScanCode.NOT_A_SHIPMENT_CODE);
        }
        Shipment shipment = change(caller, parcel.trackingNumber().value(), Access.HANDLE,
                tracking(caller, location, point, timeZone, status, note, reason));
        return new Scan(shipment.id(), shipment.trackingNumber(), shipment.latestUpdate());
    }

    /** The shipment a scan found, and the entry it added to its history. */
    public record Scan(UUID shipmentId, TrackingNumber trackingNumber, TrackingUpdate update) {
    }

    /** A scan, or a status change when a status is given; the zone is checked before the shipment is read. */
    private Function<Shipment, List<ShipmentEvent>> tracking(Caller caller, String location, GeoPoint point,
            String timeZone, ShipmentStatus status, String note, FailureReason reason) {
        ZoneId sent = TimeZones.optional("time_zone", timeZone);
        if (status == null && reason != null) {
            throw new InvalidRequestException("reason", "is only given with delivery_failed");
        }
        return shipment -> status == null
                ? shipment.recordScan(location, point, zoneOf(location, sent), note, caller.userId(), clock.instant())
                : moveOn(shipment, status, location, point, zoneOf(location, sent), note, reason, caller);
    }

    /**
     * A status change under the delivery rules of the caller's tenant ({@link #deliveryPolicy()}): {@code delivery_failed} with its reason
     * (the attempt that reaches the limit returns the shipment by itself); a reason with any other
     * status is refused; {@code delivered} is refused by the aggregate, which points to the proof.
     */
    private List<ShipmentEvent> moveOn(Shipment shipment, ShipmentStatus next, String location, GeoPoint point,
            ZoneId zone, String note, FailureReason reason, Caller caller) {
        if (next == ShipmentStatus.DELIVERY_FAILED && shipment.status().canMoveTo(next)) {
            return shipment.failDelivery(reason, location, point, zone, note, deliveryPolicy(), caller.userId(),
                    clock.instant());
        }
        if (reason != null) {
            throw new InvalidRequestException("reason", "is only given with delivery_failed");
        }
        return shipment.changeStatus(next, location, point, zone, note, deliveryPolicy(), caller.userId(),
                clock.instant());
    }

    /**
     * The deployment's delivery rules with the proofs the current tenant accepts, when it chose them
     * (from this module's copy of its settings): they decide which proofs close a delivery, and whether
     * an attempt gets a one-time code.
     */
    private DeliveryPolicy deliveryPolicy() {
        return delivery.acceptingOnly(tenantProofs.accepted().orElse(null));
    }

    /** The zone an entry at this place is shown in: the one sent, else its hub's, else the deployment's. */
    private ZoneId zoneOf(String place, ZoneId sent) {
        return sent != null ? sent : HubPlace.zoneOf(network.hubs(), place, defaultZone);
    }

    /**
     * Closes a delivery on a proof: the assigned agent or an admin. The delivered entry is shown in the
     * zone of the hub its location names (else {@code waybill.time-zone}), at the proof's position when
     * given, and revises the estimate as any delivery does. An image is checked and stripped
     * first, then kept, and forgotten again if the delivery is refused. A wrong code is refused but
     * counted (the transaction commits with the count).
     */
    @Transactional(noRollbackFor = DeliveryCodeRejectedException.class)
    public ProofOfDelivery deliver(Caller caller, String reference, ProofSubmission submission) {
        ProofImage image = null;
        if (submission.kind() != null && submission.kind().isImage()) {
            image = ProofImage.check("image", submission.image(), delivery.maxImageBytes());
        } else if (submission.image() != null) {
            throw new InvalidRequestException("image", "is only given with a signature or photo proof");
        }
        Shipment shipment = Access.HANDLE.check(caller, lockVisible(caller, reference));
        List<String> kept = image == null ? List.of() : List.of(images.store(shipment.id(), image));
        try {
            List<ShipmentEvent> produced = shipment.deliver(new DeliveryProof(submission.kind(), submission.code(),
                    kept, submission.receivedBy(), submission.latitude(), submission.longitude(),
                    submission.collection()),
                    submission.location(), zoneOf(submission.location(), null), deliveryPolicy(), caller.userId(),
                    clock.instant());
            shipments.update(shipment);
            produced.forEach(events::publish);
            return shipment.delivery().proof();
        } catch (DeliveryCodeRejectedException wrongCode) {
            shipments.update(shipment);
            throw wrongCode;
        } catch (RuntimeException refused) {
            kept.forEach(images::delete);
            throw refused;
        }
    }

    /** How a shipment's delivery was proven: for whoever may see the shipment; "not found" before it is delivered. */
    public ProofOfDelivery proofOfDelivery(Caller caller, String reference) {
        ProofOfDelivery proof = visible(caller, find(reference, shipments::find, shipments::find)).delivery().proof();
        if (proof == null) {
            throw new NotFoundException("This shipment has no proof of delivery: it is not delivered.");
        }
        return proof;
    }

    /** The {@code number}th image (from 1) of a shipment's proof of delivery, under the same rule. */
    public ProofImage proofImage(Caller caller, String reference, int number) {
        List<String> kept = proofOfDelivery(caller, reference).imageReferences();
        if (number < 1 || number > kept.size()) {
            throw new NotFoundException("This proof of delivery has no image " + number + ".");
        }
        return images.read(kept.get(number - 1))
                .orElseThrow(() -> new NotFoundException("This proof of delivery image is no longer kept."));
    }

    /**
     * The customer's instruction after a failed attempt: its owner or an admin. A reattempt date may
     * not be in the past anywhere on Earth (the earliest date there is now, at UTC-12), so that no
     * customer's "today" is refused.
     */
    @Transactional
    public DeliveryInstruction instruct(Caller caller, String reference, DeliveryInstruction.Action action,
            LocalDate reattemptOn) {
        LocalDate earliestToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(-12));
        return change(caller, reference, Access.MANAGE, shipment -> shipment.instruct(action, reattemptOn,
                earliestToday, caller.userId(), clock.instant())).delivery().instruction();
    }

    /** A proof as handed in over the API, before its image is checked and kept. */
    public record ProofSubmission(ProofKind kind, String code, byte[] image, String receivedBy, String location,
            Double latitude, Double longitude, Payment.Collected collection) {

        /** A proof with nothing collected, for a prepaid shipment. */
        public ProofSubmission(ProofKind kind, String code, byte[] image, String receivedBy, String location,
                Double latitude, Double longitude) {
            this(kind, code, image, receivedBy, location, latitude, longitude, null);
        }

        @Override
        public String toString() {
            return "ProofSubmission[kind=" + kind + "]";
        }
    }

    @Transactional
    public ShipmentView assignAgent(Caller caller, String reference, UUID agentId) {
        if (accounts.activeRole(agentId).filter(role -> role == Role.AGENT).isEmpty()) {
            throw new InvalidRequestException("agent_id", "is not an active delivery agent");
        }
        return ShipmentView.of(change(caller, reference, Access.ADMINISTER,
                shipment -> shipment.assignAgent(agentId, clock.instant())));
    }

    /**
     * The one way a shipment changes: lock it if the caller may see it, check they may make this
     * kind of change, let the aggregate change and say what it produced, store it, and publish that
     * in the same transaction. Answers the shipment as changed; its latest history entry is the one
     * the change recorded, if it recorded one.
     */
    private Shipment change(Caller caller, String reference, Access access,
            Function<Shipment, List<ShipmentEvent>> change) {
        Shipment shipment = access.check(caller, lockVisible(caller, reference));
        List<ShipmentEvent> produced = change.apply(shipment);
        shipments.update(shipment);
        produced.forEach(events::publish);
        return shipment;
    }

    /** Records the hub that takes a shipment in, as the network module assigned it. */
    @Transactional
    void routeToHub(UUID shipmentId, UUID hubId) {
        if (!shipments.route(shipmentId, hubId, clock.instant())) {
            throw new NotFoundException(NOT_FOUND);
        }
    }

    private UUID customerFor(Caller caller, UUID onBehalfOf) {
        if (caller.isCustomer()) {
            if (onBehalfOf != null && !caller.is(onBehalfOf)) {
                throw new ForbiddenException("Only an admin can book on behalf of another customer.");
            }
            return caller.userId();
        }
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only customers and admins can book shipments.");
        }
        if (onBehalfOf == null) {
            throw new InvalidRequestException("customer_id", "is required when an admin books a shipment");
        }
        accounts.activeRole(onBehalfOf).filter(role -> role == Role.CUSTOMER)
                .orElseThrow(() -> new InvalidRequestException("customer_id", "is not an active customer"));
        return onBehalfOf;
    }

    private Shipment lock(String reference) {
        return find(reference, shipments::lock, shipments::lock);
    }

    /**
     * Locks a shipment the caller can see, or answers "not found" as for an unknown one: who can see
     * it is read first, without a lock, and read again once locked (an agent may have been replaced
     * in between).
     */
    private Shipment lockVisible(Caller caller, String reference) {
        if (!find(reference, shipments::parties, shipments::parties).isVisibleTo(caller)) {
            throw new NotFoundException(NOT_FOUND);
        }
        return visible(caller, lock(reference));
    }

    private static <T> T find(String reference, Function<UUID, Optional<T>> byId,
            Function<TrackingNumber, Optional<T>> byNumber) {
        Optional<T> found;
        try {
            found = byId.apply(UUID.fromString(reference));
        } catch (IllegalArgumentException notAUuid) {
            found = TrackingNumber.parse(reference).flatMap(byNumber);
        }
        return found.orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static Shipment visible(Caller caller, Shipment shipment) {
        if (!shipment.isVisibleTo(caller)) {
            throw new NotFoundException(NOT_FOUND);
        }
        return shipment;
    }

    /** Who, among those who may see a shipment, may make a kind of change to it. */
    private enum Access {
        /** Change or cancel the booking: its customer and admins. */
        MANAGE("Only the customer who booked this shipment, or an admin, can change it.") {
            @Override
            boolean allows(Caller caller, Shipment shipment) {
                return shipment.isManagedBy(caller);
            }
        },
        /** Move it along its lifecycle: its agent and admins. */
        HANDLE("Only the agent assigned to this shipment, or an admin, can update it.") {
            @Override
            boolean allows(Caller caller, Shipment shipment) {
                return shipment.isHandledBy(caller);
            }
        },
        /** Assign it, or decide about its payment: admins only. */
        ADMINISTER("Only an admin can do this to a shipment.") {
            @Override
            boolean allows(Caller caller, Shipment shipment) {
                return caller.isAdmin();
            }
        };

        private final String refusal;

        Access(String refusal) {
            this.refusal = refusal;
        }

        abstract boolean allows(Caller caller, Shipment shipment);

        Shipment check(Caller caller, Shipment shipment) {
            if (!allows(caller, shipment)) {
                throw new ForbiddenException(refusal);
            }
            return shipment;
        }
    }

    /** A change to a booking: null fields are left as they are. */
    public record DetailsChange(String sourceAddress, String destinationAddress, String recipientName,
            String recipientPhone, java.math.BigDecimal weightKg, String description) {

        ShipmentDetails applyTo(ShipmentDetails current) {
            return new ShipmentDetails(
                    sourceAddress != null ? sourceAddress : current.sourceAddress(),
                    destinationAddress != null ? destinationAddress : current.destinationAddress(),
                    recipientName != null ? recipientName : current.recipientName(),
                    recipientPhone != null ? recipientPhone : current.recipientPhone(),
                    weightKg != null ? weightKg : current.weightKg(),
                    description != null ? description : current.description());
        }
    }
}
