package io.waybill.security;

import io.waybill.kernel.Caller;

import java.util.Optional;

/**
 * Tells the security layer who an API key acts for. The identity module implements it; a revoked
 * key, or one whose account was deleted, yields empty, so it is refused at once.
 */
public interface ApiKeyLookup {

    Optional<Caller> callerFor(String apiKey);
}
