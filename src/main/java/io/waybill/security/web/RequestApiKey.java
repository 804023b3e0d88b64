package io.waybill.security.web;

import io.waybill.security.CurrentApiKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The key of the request's authentication, as {@link ApiKeyAuthenticationFilter} set it. */
@Component
class RequestApiKey implements CurrentApiKey {

    @Override
    public Optional<UUID> id() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                && authentication.apiKey() != null ? Optional.of(authentication.apiKey().keyId()) : Optional.empty();
    }
}
