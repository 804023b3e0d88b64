package io.waybill.security;

import io.waybill.kernel.Caller;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks an access token outside the HTTP filter chain, for connections that authenticate in their
 * own way (a WebSocket's query parameter or first message) or that outlive the request that
 * authenticated them (a live stream). Same rules as a bearer token: valid signature, not expired,
 * and an account that still exists, with its role of now.
 */
public interface CallerTokens {

    /** The caller of an accepted token, when it was issued, and the moment it stops being accepted. */
    Optional<Verified> verify(String accessToken);

    default Optional<Caller> callerOf(String accessToken) {
        return verify(accessToken).map(Verified::caller);
    }

    record Verified(Caller caller, Instant issuedAt, Instant expiresAt) {
    }
}
