package io.waybill.tracking;

import io.waybill.security.AccountLookup;
import io.waybill.security.ApiKeyLookup;
import io.waybill.kernel.Caller;
import io.waybill.security.CallerTokens;
import io.waybill.kernel.TooManyRequestsException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantContext;
import io.waybill.tracking.config.TrackingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The clients connected to this instance, and the fan-out to them of what the {@link LiveFeed}
 * brings. Who may follow what is decided here: an account follows every shipment it may see, or one
 * of them; the public follows one shipment by its tracking number, redacted like {@code /track/}.
 * <p>
 * A stream is a standing grant, so it is held to what a request is held to: it ends when the access
 * token that opened it expires, when the API key that opened it is revoked (on every instance,
 * through the feed) or expires, when the account is deleted (likewise) or loses its role, and after
 * a maximum lifetime in any case; the client reconnects. Connections
 * are capped per client address, per account and in all, so that one client cannot hold the
 * server's sockets and memory; and they are written by a fixed number of sender threads, each
 * client one message at a time from its own bounded queue.
 */
@Service
public class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration RETRY_AFTER_FULL = Duration.ofSeconds(30);
    private static final String TOO_MANY_IN_ALL =
            "The server has as many live streams open as it allows: try again later.";
    private static final String TOO_MANY_FROM_ADDRESS = "Too many live streams open from this address: close one first.";
    private static final String TOO_MANY_FOR_ACCOUNT = "Too many live streams open for this account: close one first.";

    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    /** Guarded by itself, together with {@link #perAccount}: admission counts and adds at once. */
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Map<UUID, Integer> perAccount = new HashMap<>();
    private static final String NOT_FOUND = "No shipment with this id or tracking number.";
    private static final String KEY_GONE = "the API key was revoked or has expired";

    private final TrackingService shipments;
    private final AccountLookup accounts;
    private final ApiKeyLookup keys;
    private final Clock clock;
    private final Limits limits;
    private final ExecutorService senders;
    private final ScheduledThreadPoolExecutor timers;

    /** How many streams, for how long, written by how many threads. */
    public record Limits(int queueCapacity, Duration heartbeat, Duration maxLifetime, int perAddress, int perAccount,
            int total, int senders) {
    }

    @Autowired
    LiveUpdates(TrackingService shipments, AccountLookup accounts, ApiKeyLookup keys, Clock clock,
            TrackingProperties properties) {
        this(shipments, accounts, keys, clock, limitsOf(properties.live()));
    }

    private static Limits limitsOf(TrackingProperties.Live live) {
        return new Limits(live.queueCapacity(), live.heartbeat(), live.maxLifetime(), live.maxStreamsPerAddress(),
                live.maxStreamsPerAccount(), live.maxStreams(), live.senderThreads());
    }

    LiveUpdates(TrackingService shipments, AccountLookup accounts, ApiKeyLookup keys, Clock clock, Limits limits) {
        this.shipments = shipments;
        this.accounts = accounts;
        this.keys = keys;
        this.clock = clock;
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        // One drain task per client at most waits here, and clients are capped: the queue is bounded
        // by the caps, and the writes in flight by the threads.
        this.senders = new ThreadPoolExecutor(limits.senders(), limits.senders(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> daemon(task, "live-send-" + count.incrementAndGet()));
        this.timers = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "live-timer"));
        timers.setRemoveOnCancelPolicy(true);
        long beat = limits.heartbeat().toMillis();
        timers.scheduleAtFixedRate(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** What a connection asks to follow, checked against the caller; 404 for a shipment it may not see. */
    public Subscription everythingVisibleTo(Caller caller) {
        return new Subscription(update -> update.isVisibleTo(caller), false, false, List::of, caller, null, null);
    }

    public Subscription shipment(Caller caller, String reference) {
        TrackedShipment shipment = shipments.shipment(reference).filter(found -> found.isVisibleTo(caller))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        UUID id = shipment.shipmentId();
        return new Subscription(update -> update.shipmentId().equals(id) && update.isVisibleTo(caller), false, true,
                () -> shipments.shipment(reference).orElse(shipment).asLiveUpdates(), caller, null, null);
    }

    public Subscription publicShipment(String trackingNumber) {
        TrackedShipment shipment = shipments.publicShipment(trackingNumber);
        String number = shipment.trackingNumber();
        // The public history carries no ids or people: only the public view of it is ever sent.
        Supplier<List<LiveUpdate>> history = () -> shipments.publicShipment(number).asLiveUpdates().stream()
                .map(entry -> new LiveUpdate(null, number, null, null, entry.sequence(), entry.previousStatus(),
                        entry.status(), entry.location(), entry.occurredAt()))
                .toList();
        return new Subscription(update -> !update.hasPosition() && update.trackingNumber().equals(number), true,
                true, history, null, null, null);
    }

    /**
     * Refuses (429) a connection from this address, for this account (null for the public), when
     * one more would exceed a cap: to answer a handshake before upgrading it. {@link #connect}
     * counts again, since others may have connected in between.
     */
    public void requireRoom(String address, UUID account) {
        synchronized (perAddress) {
            String full = fullness(address, account);
            if (full != null) {
                throw new TooManyRequestsException(full, RETRY_AFTER_FULL, limitOf(full));
            }
        }
    }

    /**
     * Connects a client from this address: it receives the subscription's history, then live
     * updates, until it goes or the stream ends. Refused (429) beyond a cap. The history is read
     * after the client is admitted, so an entry is either in it or among the live updates queued
     * meanwhile (an update is pushed only once tracking's read model has it); the client skips
     * the sequences it has already sent.
     */
    public void connect(LiveClient client, Subscription subscription, String address) throws Exception {
        Instant now = clock.instant();
        client.attach(subscription, limits.queueCapacity(), address, now.plus(limits.maxLifetime()));
        admit(client);
        try {
            scheduleEnd(client, now);
            client.start(senders, subscription.history().get());
        } catch (Exception failed) {
            disconnect(client);
            throw failed;
        }
    }

    /** The client went away (or was ended): forget it and free its place. */
    public void disconnect(LiveClient client) {
        client.closed();
        client.cancelScheduledEnd();
        if (clients.remove(client)) {
            synchronized (perAddress) {
                perAddress.computeIfPresent(client.address(), (key, count) -> count > 1 ? count - 1 : null);
                if (client.caller() != null) {
                    perAccount.computeIfPresent(client.caller().userId(), (key, count) -> count > 1 ? count - 1 : null);
                }
            }
        }
    }

    public int connected() {
        return clients.size();
    }

    /** Hands an update to every local client that may see it; never blocks on a client. */
    public void fanOut(LiveUpdate update) {
        for (LiveClient client : clients) {
            if (client.isClosed()) {
                disconnect(client);
            } else if (client.wants(update)) {
                client.offer(update);
            }
        }
    }

    /** Ends every local stream opened with this API key: it was revoked. */
    public void closeStreamsOfKey(UUID apiKey) {
        for (LiveClient client : clients) {
            if (apiKey.equals(client.apiKey())) {
                end(client, KEY_GONE);
            }
        }
    }

    /** Ends every local stream of this account: it was deleted or disabled. */
    public void closeStreamsOf(UUID account) {
        for (LiveClient client : clients) {
            if (client.caller() != null && client.caller().is(account)) {
                end(client, "the account was deleted or disabled");
            }
        }
    }

    private void admit(LiveClient client) {
        UUID account = client.caller() == null ? null : client.caller().userId();
        synchronized (perAddress) {
            String full = fullness(client.address(), account);
            if (full != null) {
                client.closed();
                throw new TooManyRequestsException(full, RETRY_AFTER_FULL, limitOf(full));
            }
            clients.add(client);
            perAddress.merge(client.address(), 1, Integer::sum);
            if (account != null) {
                perAccount.merge(account, 1, Integer::sum);
            }
        }
    }

    /** Why one more stream is refused, or null; called holding the lock. */
    private String fullness(String address, UUID account) {
        if (clients.size() >= limits.total()) {
            return TOO_MANY_IN_ALL;
        }
        if (perAddress.getOrDefault(address, 0) >= limits.perAddress()) {
            return TOO_MANY_FROM_ADDRESS;
        }
        if (account != null && perAccount.getOrDefault(account, 0) >= limits.perAccount()) {
            return TOO_MANY_FOR_ACCOUNT;
        }
        return null;
    }

    private long limitOf(String refusal) {
        return switch (refusal) {
            case TOO_MANY_IN_ALL -> limits.total();
            case TOO_MANY_FROM_ADDRESS -> limits.perAddress();
            default -> limits.perAccount();
        };
    }

    private void scheduleEnd(LiveClient client, Instant now) {
        long delay = Math.max(0, Duration.between(now, client.endsAt()).toMillis());
        // A timer may fire a little early (milliseconds, rounded down): the reason is the deadline's.
        client.scheduledEnd(timers.schedule(() -> end(client, client.endReason(client.endsAt())), delay,
                TimeUnit.MILLISECONDS));
    }

    /** Ends a stream from the server's side, telling the client why. */
    private void end(LiveClient client, String reason) {
        if (client.isClosed()) {
            disconnect(client);
            return;
        }
        disconnect(client);
        try {
            client.disconnect(reason);
        } catch (RuntimeException alreadyGone) {
            log.debug("Could not end a live stream cleanly: {}", alreadyGone.toString());
        }
    }

    /**
     * Keeps the connections alive, and checks again what might have changed since they opened: the
     * token's expiry and the stream's lifetime (also ended on time by their own timer), the
     * account (deleted, or given another role, which changes what it may see), and the API key
     * that opened it (revoked, expired: its revocation also ends its streams at once, through the feed).
     */
    private void beat() {
        try {
            Instant now = clock.instant();
            Map<Caller, Optional<AccountLookup.ActiveAccount>> accountsNow = new HashMap<>();
            Map<UUID, Boolean> keysNow = new HashMap<>();
            for (LiveClient client : clients) {
                if (client.isClosed()) {
                    disconnect(client);
                    continue;
                }
                String reason = client.endReason(now);
                if (reason == null && client.caller() != null
                        && !stillHolds(client.caller(), client.tokenIssuedAt(), accountsNow)) {
                    reason = "the account no longer exists, its role changed or its tokens were revoked";
                }
                if (reason == null && client.apiKey() != null && !keyHolds(client, now, keysNow)) {
                    reason = KEY_GONE;
                }
                if (reason != null) {
                    end(client, reason);
                } else {
                    client.offerHeartbeat();
                }
            }
        } catch (RuntimeException unexpected) {
            // A periodic task that throws is never run again: keep beating.
            log.warn("Live heartbeat failed: {}", unexpected.toString());
        }
    }

    /**
     * Whether the account behind a stream still exists with the same role, and, for a stream opened
     * with an access token, has not revoked it since (logout everywhere, a password reset).
     */
    private boolean stillHolds(Caller caller, Instant tokenIssuedAt,
            Map<Caller, Optional<AccountLookup.ActiveAccount>> accountsNow) {
        Optional<AccountLookup.ActiveAccount> account;
        try {
            // As a token sees it: an account this service has not heard of yet keeps the role it came with.
            // Read as the account's tenant's work: this timer thread has none, and with none the account
            // would look not heard of yet, so a revoked token or a changed role would keep its stream.
            account = accountsNow.computeIfAbsent(caller, holder -> TenantContext.callAs(holder.tenantId(),
                    () -> accounts.activeForToken(holder.userId(), holder.role())));
        } catch (RuntimeException unreachable) {
            // The accounts cannot be read now: the token's expiry still bounds the stream.
            return true;
        }
        return account.isPresent() && account.get().role() == caller.role()
                && (tokenIssuedAt == null || account.get().acceptsTokenIssuedAt(tokenIssuedAt));
    }

    /** Whether the API key that opened a stream still authenticates, read as the work of the stream's tenant. */
    private boolean keyHolds(LiveClient client, Instant now, Map<UUID, Boolean> keysNow) {
        try {
            return keysNow.computeIfAbsent(client.apiKey(), key -> TenantContext.callAs(client.caller().tenantId(),
                    () -> keys.stillAccepts(key, now)));
        } catch (RuntimeException unreachable) {
            // The keys cannot be read now: the next heartbeat asks again, and the lifetime bounds the stream.
            return true;
        }
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
        clients.forEach(client -> client.disconnect("server shutting down"));
        clients.clear();
        senders.shutdownNow();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * What a client follows: a filter, the view it gets and how to read the history it starts with; for whom
     * (null for the public), and the access token or the API key (by its id) that opened it (null
     * when it has none): the stream ends when the token expires or is revoked, when the key is
     * revoked or expires.
     */
    public record Subscription(Predicate<LiveUpdate> wants, boolean publicView, boolean oneShipment,
            Supplier<List<LiveUpdate>> history, Caller caller, CallerTokens.Verified token, UUID apiKey) {

        public Subscription heldBy(CallerTokens.Verified token) {
            return new Subscription(wants, publicView, oneShipment, history, caller, token, apiKey);
        }

        public Subscription heldByApiKey(UUID apiKey) {
            return new Subscription(wants, publicView, oneShipment, history, caller, token, apiKey);
        }

        public Instant tokenExpiresAt() {
            return token == null ? null : token.expiresAt();
        }

        public Instant tokenIssuedAt() {
            return token == null ? null : token.issuedAt();
        }
    }
}
