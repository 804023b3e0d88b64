package io.waybill.security;

import io.waybill.kernel.Caller;

import java.util.Optional;

/**
 * Who an API key acts for, from the security module's copy of the keys (see {@link AccountLookup}).
 * A revoked key, one whose account was deleted or is no longer an agent, and one this copy has not
 * heard of yet (a new key works on a service once its {@code api_key.issued} event has arrived)
 * yield empty, so they are refused.
 */
public interface ApiKeyLookup {

    Optional<Caller> callerFor(String apiKey);
}
