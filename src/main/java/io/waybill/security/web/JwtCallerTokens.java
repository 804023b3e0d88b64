package io.waybill.security.web;

import io.waybill.security.AccountLookup;
import io.waybill.kernel.Caller;
import io.waybill.kernel.TenantContext;
import io.waybill.security.CallerTokens;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** The bearer-token rules of the filter chain, for callers that carry the token elsewhere. */
@Component
class JwtCallerTokens implements CallerTokens {

    private final JwtDecoder decoder;
    private final TokenToCaller toCaller;

    JwtCallerTokens(JwtDecoder decoder, AccountLookup accounts) {
        this.decoder = decoder;
        this.toCaller = new TokenToCaller(accounts);
    }

    @Override
    public Optional<Verified> verify(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return Optional.empty();
        }
        try {
            Jwt jwt = decoder.decode(accessToken);
            // Converting binds the token's tenant for a request's rest; a live socket's thread serves
            // other sockets next, so the binding ends with the check.
            Caller caller = TenantContext.callAs(TenantContext.current().orElse(null),
                    () -> ((CallerAuthentication) toCaller.convert(jwt)).getPrincipal());
            return Optional.of(new Verified(caller, jwt.getIssuedAt(), jwt.getExpiresAt()));
        } catch (JwtException | InvalidBearerTokenException refused) {
            return Optional.empty();
        }
    }
}
