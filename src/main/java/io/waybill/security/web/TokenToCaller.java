package io.waybill.security.web;

import io.waybill.security.AccountLookup;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token into a caller. The account is looked up on every request (one indexed row
 * of this service's copy), so a deleted account's tokens fail as soon as the copy knows, a changed
 * role takes effect as soon (a token naming another role than the account's is refused), and so do
 * logouts everywhere, password resets and suspensions. An account the copy
 * has not heard of yet acts with the role its token claims ({@link AccountLookup#activeForToken}).
 */
final class TokenToCaller implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The tenant claim (identity's AccessTokens writes it). */
    static final String TENANT_CLAIM = "tid";

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
        UUID tenant = tenantOf(jwt);
        // The account's row is the tenant's: row-level security shows it only once the tenant is set,
        // and the request's work stays with that tenant until the request ends (TenantScopeFilter).
        TenantContext.set(tenant);
        Role claimed = Role.fromWire(jwt.getClaimAsString("role")).orElse(null);
        AccountLookup.ActiveAccount account = accounts.activeForToken(userId, claimed)
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token no longer exists"));
        if (!account.acceptsTokenIssuedAt(jwt.getIssuedAt())) {
            throw new InvalidBearerTokenException("The token was revoked by a logout or a password reset");
        }
        if (claimed != null && claimed != account.role()) {
            // An admin changed the account's role (which revokes its tokens too, to the second): a token
            // naming the old role counts for nothing, whatever second it was issued in.
            throw new InvalidBearerTokenException("The token names a role the account no longer has");
        }
        return new CallerAuthentication(new Caller(userId, account.role(), tenant), jwt, "bearer");
    }

    /** The token's tenant; a token issued before tenants has none and belongs to the default tenant. */
    private static UUID tenantOf(Jwt jwt) {
        String claim = jwt.getClaimAsString(TENANT_CLAIM);
        if (claim == null) {
            return TenantContext.DEFAULT;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidBearerTokenException("The token has no valid tenant");
        }
    }
}
