package io.waybill.platform;

import java.util.Optional;

/**
 * Checks an access token outside the HTTP filter chain, for connections that authenticate in their
 * own way (a WebSocket's query parameter or first message). Same rules as a bearer token: valid
 * signature, not expired, and an account that still exists, with its role of now.
 */
public interface CallerTokens {

    Optional<Caller> callerOf(String accessToken);
}
