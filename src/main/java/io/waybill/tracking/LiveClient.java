package io.waybill.tracking;

import io.waybill.kernel.Caller;
import io.waybill.shipments.ShipmentStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A connected live client (a WebSocket or an SSE stream). Updates wait in a bounded queue and are
 * written by one task at a time on a shared executor, so a slow client never holds up the thread
 * that fans out, nor the other clients; a client whose queue overflows is dropped. A client that
 * follows one shipment first receives its history, then only entries it has not seen, and is
 * completed once the shipment reaches a final status, since nothing more can happen to it. A client
 * knows who it streams for (an account, or the public) and from which address, so that the hub can
 * cap connections and end them when the access token expires, the account goes or the stream has
 * lived long enough.
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
    private volatile Caller caller;
    private volatile String address;
    private volatile Instant tokenExpiresAt;
    private volatile Instant tokenIssuedAt;
    private volatile UUID apiKey;
    private volatile Instant maximumEnd;
    private volatile Future<?> scheduledEnd;

    /** Sets what the client follows, for whom and from where, before it is connected. */
    void attach(LiveUpdates.Subscription subscription, int capacity, String address, Instant maximumEnd) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.caller = subscription.caller();
        this.tokenExpiresAt = subscription.tokenExpiresAt();
        this.tokenIssuedAt = subscription.tokenIssuedAt();
        this.apiKey = subscription.apiKey();
        this.address = address;
        this.maximumEnd = maximumEnd;
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

    /** The account it streams for; null for a public follower. */
    Caller caller() {
        return caller;
    }

    Instant tokenIssuedAt() {
        return tokenIssuedAt;
    }

    /** The id of the API key that opened the stream; null for a token's or the public's. */
    UUID apiKey() {
        return apiKey;
    }

    String address() {
        return address;
    }

    /** Why the stream must end at this moment (its token expired, it lived long enough), or null. */
    String endReason(Instant now) {
        if (tokenExpiresAt != null && !now.isBefore(tokenExpiresAt)) {
            return "access token expired: reconnect with a fresh one";
        }
        if (maximumEnd != null && !now.isBefore(maximumEnd)) {
            return "maximum stream lifetime reached: reconnect";
        }
        return null;
    }

    /** When {@link #endReason} first gives a reason. */
    Instant endsAt() {
        return tokenExpiresAt != null && tokenExpiresAt.isBefore(maximumEnd) ? tokenExpiresAt : maximumEnd;
    }

    void scheduledEnd(Future<?> end) {
        this.scheduledEnd = end;
    }

    void cancelScheduledEnd() {
        Future<?> end = scheduledEnd;
        if (end != null) {
            end.cancel(false);
        }
    }

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
            // The peer went away mid-write: nothing to report to anyone, and the exception may
            // name the connection (with its query string), so it is not logged from here.
            closed();
            disconnect("send failed");
        } finally {
            draining.set(false);
        }
        scheduleDrain();
    }

    private void sendUpdate(LiveUpdate update) throws Exception {
        if (update.hasPosition()) {
            // No entry of the history: it neither moves nor repeats the sequence. It goes to accounts
            // only, and not to a follower of one shipment that has moved on past that shipment's state.
            if (!publicView && (!oneShipment || update.sequence() >= lastSequence)) {
                send(update.accountView());
            }
            return;
        }
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
