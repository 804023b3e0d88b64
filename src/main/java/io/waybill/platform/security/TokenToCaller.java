package io.waybill.platform.security;

import io.waybill.platform.AccountLookup;
import io.waybill.platform.Caller;
import io.waybill.platform.Role;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token into a caller. The account is looked up on every request, so a deleted
 * account's tokens fail at once and a changed role takes effect at once.
 */
final class TokenToCaller implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountLookup accounts;

    TokenToCaller(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId;
        try {
            userId = UUID.fromString(jwt.getSubject());
        } catch (RuntimeException malformed) {
            throw new InvalidBearerTokenException("The token has no valid subject");
        }
        Role role = accounts.activeRole(userId)
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token no longer exists"));
        return new CallerAuthentication(new Caller(userId, role), jwt, "bearer");
    }
}
