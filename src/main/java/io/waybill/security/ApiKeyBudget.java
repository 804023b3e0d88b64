package io.waybill.security;

import java.util.Optional;

/**
 * The rate limit of the API key the current request came with: its own requests per minute, or the
 * server's default ({@code waybill.rate-limits.api-key}). Every request made with a key counts one;
 * an endpoint that counts each item of a batch (bulk tracking) takes them from the key's budget
 * instead of the client address's.
 */
public interface ApiKeyBudget {

    /** Takes {@code units} from the current request's key's budget; empty when the request came without a key. */
    Optional<Throttle.Quota> take(int units);

    /**
     * The requests per minute of a key of the running work's tenant issued without a limit of its own:
     * the tenant's {@code api-key} budget when it gave one, else the deployment's ({@code waybill.rate-limits.api-key}).
     */
    long defaultPerMinute();
}
