package io.waybill.security;

import java.util.Optional;
import java.util.UUID;

/**
 * The API key the current request was authenticated with, by its id (never its value): for what
 * outlives the request and must end with the key (a live stream), checked again with
 * {@link ApiKeyLookup#stillAccepts}.
 */
public interface CurrentApiKey {

    /** Empty for a request made with a bearer token, a page session, or none. */
    Optional<UUID> id();
}
