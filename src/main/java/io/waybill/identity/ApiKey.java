package io.waybill.identity;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A key an integration sends as {@code X-API-Key} to act as one customer (a shop booking for its
 * customers) or one delivery agent (a scanner app), within the scopes chosen when it was issued,
 * until it expires (if it does), at its own rate limit (if it has one). Its value starts with
 * {@value #MARK} so that it is recognisable wherever it leaks (logs, repositories, secret scanners);
 * the server keeps only its hash and its first characters. Revoking is final.
 */
public record ApiKey(UUID id, UUID userId, String name, String prefix, byte[] keyHash, Set<ApiScope> scopes,
        Instant expiresAt, Integer requestsPerMinute, UUID createdBy, Instant createdAt, Instant revokedAt) {

    public static final String MARK = "wbk_";
    static final int PREFIX_LENGTH = MARK.length() + 8;

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** A new key and its value, which is shown to the admin once and never stored. */
    public record Issued(String value, ApiKey key) {
    }

    /**
     * What a key may ask for: {@code scopes} by wire name (null: every scope the owner's role allows),
     * {@code expiresAt} (null: never), {@code requestsPerMinute} (null: the server's default).
     */
    public record Request(String name, List<String> scopes, Instant expiresAt, Integer requestsPerMinute) {
    }

    /** The server's bounds on what a key may ask for. */
    public record Bounds(Duration maxLifetime, long maxRequestsPerMinute) {
    }

    /** A key for this owner, on the terms asked for if the owner's role and the bounds allow them (else 422). */
    static Issued issue(UUID ownerId, Role ownerRole, Request request, Bounds bounds, UUID createdBy, Instant now) {
        Set<ApiScope> scopes = scopes(request.scopes(), ownerRole);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidRequestException("expires_at", "must be in the future");
        }
        if (request.expiresAt() != null && request.expiresAt().isAfter(now.plus(bounds.maxLifetime()))) {
            throw new InvalidRequestException("expires_at", "must be at most " + bounds.maxLifetime().toDays()
                    + " days from now");
        }
        Integer perMinute = request.requestsPerMinute();
        if (perMinute != null && (perMinute < 1 || perMinute > bounds.maxRequestsPerMinute())) {
            throw new InvalidRequestException("requests_per_minute", "must be between 1 and "
                    + bounds.maxRequestsPerMinute());
        }
        String value = MARK + OneTimeSecret.generate();
        return new Issued(value, new ApiKey(UUID.randomUUID(), ownerId, request.name().trim(),
                value.substring(0, PREFIX_LENGTH), OneTimeSecret.hash(value), scopes, request.expiresAt(), perMinute,
                createdBy, now, null));
    }

    private static Set<ApiScope> scopes(List<String> wire, Role ownerRole) {
        Set<ApiScope> allowed = ApiScope.allowedFor(ownerRole);
        if (allowed.isEmpty()) {
            throw new InvalidRequestException("scopes", "cannot be given to a key of a " + ownerRole.wireName()
                    + ": such accounts have no API keys");
        }
        if (wire == null) {
            return allowed;
        }
        if (wire.isEmpty()) {
            throw new InvalidRequestException("scopes", "must name at least one scope, or be left out for every "
                    + "scope the owner's role allows");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : wire) {
            ApiScope scope = ApiScope.fromWire(name).orElseThrow(() -> new InvalidRequestException("scopes",
                    "has the unknown scope '" + name + "'; scopes are " + names(EnumSet.allOf(ApiScope.class))));
            if (!allowed.contains(scope)) {
                throw new InvalidRequestException("scopes", "has " + scope.wireName() + ", which a key of a "
                        + ownerRole.wireName() + " cannot have; it may have " + names(allowed));
            }
            scopes.add(scope);
        }
        return scopes;
    }

    private static String names(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::wireName).collect(Collectors.joining(", "));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Not revoked and not expired: counts towards its owner's cap. */
    public boolean isUsable(Instant now) {
        return !isRevoked() && (expiresAt == null || expiresAt.isAfter(now));
    }
}
