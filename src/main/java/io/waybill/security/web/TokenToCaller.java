package io.waybill.security.web;

import io.waybill.security.AccountLookup;
import io.waybill.kernel.Caller;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token into a caller. The account is looked up on every request (one indexed row),
 * so a deleted account's tokens fail at once, a changed role takes effect at once, and tokens issued
 * before a logout everywhere or a password reset stop working at once.
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
        AccountLookup.ActiveAccount account = accounts.active(userId)
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token no longer exists"));
        if (!account.acceptsTokenIssuedAt(jwt.getIssuedAt())) {
            throw new InvalidBearerTokenException("The token was revoked by a logout or a password reset");
        }
        return new CallerAuthentication(new Caller(userId, account.role()), jwt, "bearer");
    }
}
