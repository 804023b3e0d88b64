package io.waybill.security;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Caller;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who an API key acts for and on what terms, from the security module's copy of the keys (see
 * {@link AccountLookup}). A revoked or expired key, one whose account was deleted, is disabled or is no longer a
 * customer or an agent, and one this copy has not heard of yet (a new key works on a service once
 * its {@code api_key.issued} event has arrived) yield empty, so they are refused like a wrong key.
 */
public interface ApiKeyLookup {

    Optional<Grant> callerFor(String apiKey, Instant now);

    /**
     * Whether the key with this id still authenticates at {@code now}: neither revoked nor expired,
     * and its account not deleted. Read in the current tenant, so a key of another tenant is not
     * found: no. For what outlives the request a key authenticated (a live stream).
     */
    boolean stillAccepts(UUID keyId, Instant now);

    /**
     * What a key may do now. {@code scopes} is what it holds within what its owner's role allows
     * today (a role changed since the key was issued narrows it); {@code requestsPerMinute} is its
     * own rate limit, null for the server's default.
     */
    record Grant(UUID keyId, Caller caller, Set<ApiScope> scopes, Integer requestsPerMinute) {

        public Grant {
            Set<ApiScope> allowed = EnumSet.noneOf(ApiScope.class);
            allowed.addAll(scopes);
            allowed.retainAll(ApiScope.allowedFor(caller.role()));
            scopes = Set.copyOf(allowed);
        }

        /** Holds every scope its owner's role allows: acts as the owner did before keys had scopes. */
        public boolean isFull() {
            return scopes.containsAll(ApiScope.allowedFor(caller.role()));
        }
    }
}
