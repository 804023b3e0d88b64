package io.waybill.shipments;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository's contract without a database (dddsample's {@code CargoRepositoryInMem}): it
 * keeps a copy of what was stored, and every load gives a fresh aggregate, as a real one would.
 */
final class InMemoryShipmentRepository implements ShipmentRepository {

    private final Map<UUID, Shipment> stored = new ConcurrentHashMap<>();

    @Override
    public Optional<Shipment> find(UUID id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryShipmentRepository::copy);
    }

    @Override
    public Optional<Shipment> find(TrackingNumber trackingNumber) {
        return stored.values().stream().filter(s -> s.trackingNumber().equals(trackingNumber)).findFirst()
                .map(InMemoryShipmentRepository::copy);
    }

    @Override
    public Optional<Shipment.Parties> parties(UUID id) {
        return find(id).map(Shipment::parties);
    }

    @Override
    public Optional<Shipment.Parties> parties(TrackingNumber trackingNumber) {
        return find(trackingNumber).map(Shipment::parties);
    }

    @Override
    public Optional<Shipment> lock(UUID id) {
        return find(id);
    }

    @Override
    public Optional<Shipment> lock(TrackingNumber trackingNumber) {
        return find(trackingNumber);
    }

    @Override
    public boolean add(Shipment shipment) {
        if (find(shipment.trackingNumber()).isPresent()) {
            return false;
        }
        if (stored.putIfAbsent(shipment.id(), copy(shipment)) != null) {
            throw new IllegalStateException("shipment " + shipment.id() + " is stored already");
        }
        return true;
    }

    @Override
    public boolean route(UUID shipmentId, UUID hubId, Instant at) {
        Shipment shipment = stored.get(shipmentId);
        if (shipment == null) {
            return false;
        }
        shipment.routeTo(hubId, at);
        return true;
    }

    @Override
    public void update(Shipment shipment) {
        if (stored.replace(shipment.id(), copy(shipment)) == null) {
            throw new IllegalStateException("shipment " + shipment.id() + " was never stored");
        }
    }

    @Override
    public Page<ShipmentView> list(ShipmentFilter filter, PageQuery page) {
        List<Shipment> matching = stored.values().stream()
                .filter(s -> filter.customerId() == null || filter.customerId().equals(s.customerId()))
                .filter(s -> filter.agentId() == null || filter.agentId().equals(s.agentId()))
                .filter(s -> filter.status() == null || filter.status() == s.status())
                .sorted(Comparator.comparing(Shipment::createdAt).reversed())
                .toList();
        List<ShipmentView> items = matching.stream().skip(page.offset()).limit(page.size())
                .map(ShipmentView::of).toList();
        return Page.of(items, page, matching.size());
    }

    @Override
    public Page<ShipmentView> search(ShipmentFilter filter, String text, PageQuery page) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        List<ShipmentView> matching = matching(filter, null)
                .filter(view -> view.trackingNumber().value().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || view.details().recipientName() != null
                        && view.details().recipientName().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(ShipmentView::createdAt).thenComparing(ShipmentView::id).reversed())
                .toList();
        return Page.of(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
    }

    @Override
    public List<ShipmentView> list(ShipmentFilter filter, Range range) {
        boolean newestFirst = range.order() == ShipmentCursor.Order.NEWEST_FIRST;
        Comparator<ShipmentView> order = newestFirst
                ? Comparator.comparing(ShipmentView::createdAt).thenComparing(ShipmentView::id).reversed()
                : Comparator.comparing(ShipmentView::updatedAt).thenComparing(ShipmentView::id);
        return matching(filter, range.updatedSince())
                .filter(view -> range.after() == null || order.compare(view, position(range.after())) > 0)
                .sorted(order).skip(range.offset()).limit(range.limit()).toList();
    }

    @Override
    public long count(ShipmentFilter filter, java.time.Instant updatedSince) {
        return matching(filter, updatedSince).count();
    }

    private java.util.stream.Stream<ShipmentView> matching(ShipmentFilter filter, java.time.Instant updatedSince) {
        return stored.values().stream()
                .filter(s -> filter.customerId() == null || filter.customerId().equals(s.customerId()))
                .filter(s -> filter.agentId() == null || filter.agentId().equals(s.agentId()))
                .filter(s -> filter.status() == null || filter.status() == s.status())
                .filter(s -> updatedSince == null || !s.updatedAt().isBefore(updatedSince))
                .map(ShipmentView::of);
    }

    /** A view that sorts where the cursor points (both times set to the cursor's). */
    private static ShipmentView position(ShipmentCursor cursor) {
        return new ShipmentView(cursor.id(), null, null, null, null, null, null, null, cursor.at(), cursor.at());
    }

    @Override
    public List<TrackingUpdate> history(UUID shipmentId) {
        return find(shipmentId).map(Shipment::history).orElse(List.of());
    }

    private static Shipment copy(Shipment s) {
        return Shipment.restore(s.id(), s.trackingNumber(), s.customerId(), s.details(), s.status(), s.agentId(),
                s.hubId(), s.createdAt(), s.updatedAt(), s.history(), s.serviceLevel(), s.promisedDeliveryDate(),
                s.estimatedDelivery(), s.estimateRevisions(), s.delivery().copy(), s.payment());
    }
}
