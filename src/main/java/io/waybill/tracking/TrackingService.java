package io.waybill.tracking;

import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantContext;
import io.waybill.security.RateLimit;
import io.waybill.security.ApiKeyBudget;
import io.waybill.security.Throttle;
import io.waybill.shipments.TrackingNumber;
import io.waybill.tracking.config.TrackingProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The lookups of tracked shipments: the public page by tracking number, from the cache (rendered, as
 * sent) when it has the shipment, otherwise from the module's own read model, putting what it read back into the
 * cache; and the shipments a live stream follows, from the read model. A cache that cannot be
 * reached is passed by, never shown to the client.
 * <p>
 * The read model learns of a booking through its event, a moment after the booking's answer has
 * reached the client. A client that asks at once must still find the shipment, as it did when the
 * lookup read the shipments module: so a number (or id) not known yet is looked for again as the
 * events arrive, for a short while ({@code waybill.tracking.new-shipment-wait}), before it is
 * answered 404. A number that is not well formed is answered at once; waits are capped in number.
 */
@Service
public class TrackingService {

    private static final Logger log = LoggerFactory.getLogger(TrackingService.class);
    private static final String UNKNOWN_NUMBER = "No shipment with this tracking number.";
    /** How often a waiting lookup looks again when no arrival was signalled (one handled by another instance). */
    private static final Duration RECHECK = Duration.ofMillis(100);
    private static final int MAX_WAITING = 256;

    private final TrackingCache cache;
    private final TrackingPageRenderer pages;
    private final TrackedShipments shipments;
    private final CarrierNames carriers;
    private final Duration newShipmentWait;
    private final Throttle throttle;
    private final ApiKeyBudget keyBudget;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final AtomicLong arrivals = new AtomicLong();
    private final Object arrival = new Object();

    @Autowired
    TrackingService(TrackingCache cache, TrackingPageRenderer pages, TrackedShipments shipments,
            CarrierNames carriers, TrackingProperties properties, Throttle throttle, ApiKeyBudget keyBudget) {
        this(cache, pages, shipments, carriers, properties.tracking().newShipmentWait(), throttle, keyBudget);
    }

    TrackingService(TrackingCache cache, TrackingPageRenderer pages, TrackedShipments shipments, CarrierNames carriers,
            Duration newShipmentWait, Throttle throttle, ApiKeyBudget keyBudget) {
        this.cache = cache;
        this.pages = pages;
        this.shipments = shipments;
        this.carriers = carriers;
        this.newShipmentWait = newShipmentWait;
        this.throttle = throttle;
        this.keyBudget = keyBudget;
    }

    public PublicTracking track(String trackingNumber) {
        return pages.read(page(trackingNumber));
    }

    /**
     * The tenant whose shipment has this tracking number: what a public page looks up besides the
     * shipment (the hubs on its map) is that tenant's, and is read as its work.
     */
    public Optional<UUID> tenantOf(String trackingNumber) {
        return TrackingNumber.parse(trackingNumber).flatMap(number -> shipments.tenantOfTrackingNumber(number.value()));
    }

    /**
     * The public page by tracking number as it is sent, with its ETag and the carrier of its tenant:
     * from the cache, rendered when it was cached; otherwise rendered from the read model and put in
     * the cache.
     */
    public TrackingPage page(String trackingNumber) {
        TrackingPage page = cachedPage(trackingNumber);
        return pages.withCarrier(page, carriers.of(page.tenantId()));
    }

    private TrackingPage cachedPage(String trackingNumber) {
        TrackingNumber number = TrackingNumber.parse(trackingNumber)
                .orElseThrow(() -> new NotFoundException(UNKNOWN_NUMBER));
        try {
            var cached = cache.find(number.value());
            if (cached.isPresent()) {
                return cached.get();
            }
        } catch (RuntimeException unreachable) {
            log.debug("Tracking cache ({}) unavailable, reading the read model: {}", cache.name(),
                    unreachable.toString());
            Found found = byNumber(number);
            return pages.render(found.tenantId(), found.shipment().toDocument());
        }
        Found found = byNumber(number);
        TrackingPage page = pages.render(found.tenantId(), found.shipment().toDocument());
        try {
            cache.storeIfNewer(page);
        } catch (RuntimeException unreachable) {
            log.debug("Could not repopulate the tracking cache ({}): {}", cache.name(), unreachable.toString());
        }
        return page;
    }

    /**
     * Looks up many tracking numbers at once (at most {@link BulkTracking#MAX_NUMBERS}), each answered
     * found, not found or invalid, in the order given, from one read of the read model. Every number
     * counts against the client address's tracking budget, all of them at once or the request is
     * refused (admins are not counted). Unlike a single lookup, a number not known yet is not waited
     * for: a batch holds no thread for the new-shipment wait, and a number booked a moment ago is
     * found at the next poll.
     */
    public BulkTracking trackAll(List<String> numbers, String clientAddress, Caller caller) {
        if (numbers == null || numbers.isEmpty() || numbers.size() > BulkTracking.MAX_NUMBERS) {
            throw new InvalidRequestException("tracking_numbers", "must hold 1 to " + BulkTracking.MAX_NUMBERS
                    + " tracking numbers");
        }
        Long limit = null;
        Long remaining = null;
        if (caller == null || !caller.isAdmin()) {
            // A request made with an API key counts against the key's own limit, not its address's.
            Optional<Throttle.Quota> ofKey = keyBudget.take(numbers.size());
            String counter = ofKey.isPresent() ? "this API key" : "this address";
            Throttle.Quota quota = ofKey.orElseGet(() -> throttle.take(RateLimit.TRACKING, clientAddress,
                    numbers.size()));
            if (!quota.taken() && numbers.size() > quota.limit()) {
                throw new InvalidRequestException("tracking_numbers", "must hold at most " + quota.limit()
                        + " tracking numbers here: each counts against the rate limit of " + quota.limit()
                        + " of " + counter);
            }
            if (!quota.taken()) {
                throw quota.refusal("Too many tracking lookups with " + counter + ": " + numbers.size()
                        + " asked for, " + quota.remaining() + " left; try again later.");
            }
            limit = quota.limit();
            remaining = quota.remaining();
        }
        Map<String, TrackingNumber> parsed = new HashMap<>();
        for (String raw : numbers) {
            if (raw != null) {
                TrackingNumber.parse(raw).ifPresent(number -> parsed.put(raw, number));
            }
        }
        // Each number is read as its tenant's, as a single lookup is.
        Map<UUID, Set<String>> byTenant = new HashMap<>();
        for (TrackingNumber number : parsed.values()) {
            shipments.tenantOfTrackingNumber(number.value()).ifPresent(tenant -> byTenant
                    .computeIfAbsent(tenant, any -> new HashSet<>()).add(number.value()));
        }
        // Each page names the carrier of its own shipment's tenant.
        Map<String, PublicTracking> found = new HashMap<>();
        byTenant.forEach((tenant, ofTenant) -> {
            Carrier carrier = carriers.of(tenant).orElse(null);
            TenantContext.callAs(tenant, () -> shipments.findAll(ofTenant))
                    .forEach((number, shipment) -> found.put(number, shipment.toPublic().withCarrier(carrier)));
        });
        List<BulkTracking.Result> results = new ArrayList<>(numbers.size());
        for (String raw : numbers) {
            TrackingNumber number = raw == null ? null : parsed.get(raw);
            PublicTracking shipment = number == null ? null : found.get(number.value());
            results.add(number == null ? new BulkTracking.Result(raw, BulkTracking.Outcome.INVALID, null)
                    : shipment == null ? new BulkTracking.Result(raw, BulkTracking.Outcome.NOT_FOUND, null)
                    : new BulkTracking.Result(raw, BulkTracking.Outcome.FOUND, shipment));
        }
        return new BulkTracking(results, limit, remaining);
    }

    /** The shipment with this tracking number, as anyone holding the number may follow it. */
    public TrackedShipment publicShipment(String trackingNumber) {
        return byNumber(TrackingNumber.parse(trackingNumber)
                .orElseThrow(() -> new NotFoundException(UNKNOWN_NUMBER))).shipment();
    }

    /** The shipment with this id or tracking number; empty if unknown (who may see it is the caller's to check). */
    public Optional<TrackedShipment> shipment(String reference) {
        UUID id;
        try {
            id = UUID.fromString(reference);
        } catch (IllegalArgumentException notAUuid) {
            return TrackingNumber.parse(reference)
                    .flatMap(number -> awaitingArrival(() -> shipments.find(number.value())));
        }
        return awaitingArrival(() -> shipments.find(id));
    }

    /**
     * Waits, at most {@code max}, until this read model shows the entry {@code sequence} of the
     * shipment's history. The live updates come from a consumer group of their own, which may run
     * ahead of the one that keeps this read model; a stream opened in between would read a history
     * without the entry and then miss its push. Pushing only once the entry is here means a stream
     * either finds it in its history or receives it live.
     */
    public boolean awaitEntry(UUID shipmentId, int sequence, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (true) {
                long seen = arrivals.get();
                if (shipments.find(shipmentId).map(shipment -> shipment.latest().sequence() >= sequence).orElse(false)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (arrival) {
                    if (arrivals.get() == seen) {
                        arrival.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), RECHECK.toMillis())));
                    }
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The projection recorded something: lookups waiting for a new shipment look again. */
    void arrived() {
        synchronized (arrival) {
            arrivals.incrementAndGet();
            arrival.notifyAll();
        }
    }

    private Found byNumber(TrackingNumber number) {
        return awaitingArrival(() -> publicly(number)).orElseThrow(() -> new NotFoundException(UNKNOWN_NUMBER));
    }

    /**
     * The shipment of a tracking number, read as its tenant's whoever asks: numbers are unique on the
     * platform, and the public page is the same for everyone. Asked again on every look, as a number
     * booked a moment ago may not be known yet.
     */
    private Optional<Found> publicly(TrackingNumber number) {
        return shipments.tenantOfTrackingNumber(number.value())
                .flatMap(tenant -> TenantContext.callAs(tenant, () -> shipments.find(number.value()))
                        .map(shipment -> new Found(tenant, shipment)));
    }

    /** A shipment found by its number, and its tenant. */
    private record Found(UUID tenantId, TrackedShipment shipment) {
    }

    private <T> Optional<T> awaitingArrival(Supplier<Optional<T>> lookup) {
        long seen = arrivals.get();
        Optional<T> found = lookup.get();
        if (found.isPresent() || newShipmentWait.isZero() || !waiting.tryAcquire()) {
            return found;
        }
        try {
            long deadline = System.nanoTime() + newShipmentWait.toNanos();
            long left;
            while (found.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                synchronized (arrival) {
                    if (arrivals.get() == seen) {
                        arrival.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), RECHECK.toMillis())));
                    }
                }
                seen = arrivals.get();
                found = lookup.get();
            }
            return found;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return found;
        } finally {
            waiting.release();
        }
    }
}
