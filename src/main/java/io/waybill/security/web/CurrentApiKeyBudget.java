package io.waybill.security.web;

import io.waybill.kernel.TenantContext;
import io.waybill.security.ApiKeyBudget;
import io.waybill.security.ApiKeyLookup;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Counts against the key of the request's authentication, keyed by the key's id (never by its value):
 * the key's own limit per minute, else the budget the throttle gives {@link RateLimit#API_KEY}.
 */
@Component
class CurrentApiKeyBudget implements ApiKeyBudget {

    private final Throttle throttle;

    CurrentApiKeyBudget(Throttle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Optional<Throttle.Quota> take(int units) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                && authentication.apiKey() != null) {
            ApiKeyLookup.Grant key = authentication.apiKey();
            // A key's own limit wins; without one, the throttle's budget: the key's tenant's, else the deployment's.
            return Optional.of(key.requestsPerMinute() == null
                    ? TenantContext.callAs(key.caller().tenantId(),
                            () -> throttle.take(RateLimit.API_KEY, key.keyId().toString(), units))
                    : throttle.take(RateLimit.API_KEY, key.keyId().toString(), units, key.requestsPerMinute()));
        }
        return Optional.empty();
    }

    @Override
    public long defaultPerMinute() {
        return throttle.capacity(RateLimit.API_KEY);
    }
}
