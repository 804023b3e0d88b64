package io.waybill.tracking;

import io.waybill.shipments.ShipmentStatus;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A connected live client (a WebSocket or an SSE stream). Updates wait in a bounded queue and are
 * written by one task at a time on a shared executor, so a slow client never holds up the thread
 * that fans out, nor the other clients; a client whose queue overflows is dropped. A client that
 * follows one shipment first receives its history, then only entries it has not seen, and is
 * completed once the shipment reaches a final status, since nothing more can happen to it.
 */
public abstract class LiveClient {

    private static final Object HEARTBEAT = new Object();

    private volatile Predicate<LiveUpdate> wants = update -> false;
    private volatile boolean publicView;
    private volatile boolean oneShipment;
    private volatile BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Executor executor;
    private volatile boolean closed;
    private volatile boolean ready;
    private volatile int lastSequence = -1;

    /** Sets what the client follows, before it is connected. */
    void attach(LiveUpdates.Subscription subscription, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.publicView = subscription.publicView();
        this.oneShipment = subscription.oneShipment();
        this.wants = subscription.wants();
    }

    /** Writes one message; may block on a slow connection. */
    protected abstract void send(Map<String, Object> message) throws Exception;

    /** Keeps the connection alive through proxies (a WebSocket ping, an SSE comment). */
    protected abstract void heartbeat() throws Exception;

    /** Called once registered, before the history: nothing live is sent before this returns. */
    protected void opened() throws Exception {
    }

    /** Ends the connection normally: the followed shipment has reached a final status. */
    protected abstract void complete();

    /** Ends the connection, from the server's side. */
    protected abstract void disconnect(String reason);

    boolean wants(LiveUpdate update) {
        return !closed && wants.test(update);
    }

    /** Sends the history of the followed shipment, then lets queued live updates through. */
    void start(Executor executor, Iterable<LiveUpdate> history) throws Exception {
        this.executor = executor;
        opened();
        for (LiveUpdate update : history) {
            sendUpdate(update);
        }
        ready = true;
        scheduleDrain();
    }

    void offer(LiveUpdate update) {
        enqueue(update);
    }

    void offerHeartbeat() {
        enqueue(HEARTBEAT);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Marks the client gone; the hub forgets it on its next pass. */
    public void closed() {
        closed = true;
        queue.clear();
    }

    private void enqueue(Object item) {
        if (closed) {
            return;
        }
        if (!queue.offer(item)) {
            closed();
            disconnect("too slow: its queue of updates overflowed");
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (ready && executor != null && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Object item;
            while (!closed && (item = queue.poll()) != null) {
                if (item == HEARTBEAT) {
                    heartbeat();
                } else {
                    sendUpdate((LiveUpdate) item);
                }
            }
        } catch (Exception gone) {
            closed();
            disconnect("send failed: " + gone);
        } finally {
            draining.set(false);
        }
        scheduleDrain();
    }

    private void sendUpdate(LiveUpdate update) throws Exception {
        if (oneShipment) {
            if (update.sequence() <= lastSequence) {
                return;
            }
            lastSequence = update.sequence();
        }
        send(publicView ? update.publicView() : update.accountView());
        if (oneShipment && ShipmentStatus.fromWire(update.status()).map(ShipmentStatus::isFinal).orElse(false)) {
            closed();
            complete();
        }
    }
}
