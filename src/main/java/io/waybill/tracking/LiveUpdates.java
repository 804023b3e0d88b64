package io.waybill.tracking;

import io.waybill.platform.Caller;
import io.waybill.shipments.PublicTracking;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentView;
import io.waybill.shipments.TrackingUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The clients connected to this instance, and the fan-out to them of what the {@link LiveFeed}
 * brings. Who may follow what is decided here: an account follows every shipment it may see, or one
 * of them; the public follows one shipment by its tracking number, redacted like {@code /track/}.
 */
@Service
public class LiveUpdates implements DisposableBean {

    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final ShipmentService shipments;
    private final int capacity;
    private final ExecutorService senders;
    private final ScheduledExecutorService heartbeats;

    LiveUpdates(ShipmentService shipments, @Value("${waybill.live.queue-capacity:256}") int capacity,
            @Value("${waybill.live.heartbeat:PT20S}") Duration heartbeat) {
        this.shipments = shipments;
        this.capacity = capacity;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newCachedThreadPool(task -> daemon(task, "live-send-" + count.incrementAndGet()));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "live-heartbeat"));
        heartbeats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What a connection asks to follow, checked against the caller; 404 for a shipment it may not see. */
    public Subscription everythingVisibleTo(Caller caller) {
        return new Subscription(update -> update.isVisibleTo(caller), false, false, List.of());
    }

    public Subscription shipment(Caller caller, String reference) {
        ShipmentView shipment = shipments.get(caller, reference);
        List<TrackingUpdate> history = shipments.history(caller, reference);
        UUID id = shipment.id();
        return new Subscription(update -> update.shipmentId().equals(id) && update.isVisibleTo(caller), false, true,
                replay(history, (entry) -> new Object[] {entry.status().wireName(), entry.location(), entry.recordedAt()},
                        shipment.id(), shipment.trackingNumber().value(), shipment.customerId(), shipment.agentId()));
    }

    public Subscription publicShipment(String trackingNumber) {
        PublicTracking tracking = shipments.publicTracking(trackingNumber);
        String number = tracking.trackingNumber();
        return new Subscription(update -> update.trackingNumber().equals(number), true, true,
                replay(tracking.events(), event -> new Object[] {event.status(), event.location(), event.timestamp()},
                        null, number, null, null));
    }

    /** Connects a client: it receives the subscription's history, then live updates. */
    public void connect(LiveClient client, Subscription subscription) throws Exception {
        client.attach(subscription, capacity);
        clients.add(client);
        try {
            client.start(senders, subscription.history());
        } catch (Exception failed) {
            disconnect(client);
            throw failed;
        }
    }

    public void disconnect(LiveClient client) {
        client.closed();
        clients.remove(client);
    }

    public int connected() {
        return clients.size();
    }

    /** Hands an update to every local client that may see it; never blocks on a client. */
    public void fanOut(LiveUpdate update) {
        for (LiveClient client : clients) {
            if (client.isClosed()) {
                clients.remove(client);
            } else if (client.wants(update)) {
                client.offer(update);
            }
        }
    }

    private void beat() {
        for (LiveClient client : clients) {
            if (client.isClosed()) {
                clients.remove(client);
            } else {
                client.offerHeartbeat();
            }
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        clients.forEach(client -> client.disconnect("server shutting down"));
        clients.clear();
        senders.shutdownNow();
    }

    private static <T> List<LiveUpdate> replay(List<T> entries, Function<T, Object[]> fields, UUID shipmentId,
            String trackingNumber, UUID customerId, UUID agentId) {
        List<LiveUpdate> updates = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < entries.size(); i++) {
            Object[] entry = fields.apply(entries.get(i));
            updates.add(new LiveUpdate(shipmentId, trackingNumber, customerId, agentId, i, previous,
                    (String) entry[0], (String) entry[1], (java.time.Instant) entry[2]));
            previous = (String) entry[0];
        }
        return updates;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** What a client follows: a filter, the view it gets, and the history it starts with. */
    public record Subscription(Predicate<LiveUpdate> wants, boolean publicView, boolean oneShipment,
            List<LiveUpdate> history) {
    }
}
