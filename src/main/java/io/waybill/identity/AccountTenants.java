package io.waybill.identity;

import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantContext;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sets the tenant of a request that carries no token (sign-in, refresh, verification, password
 * reset) from the account it names, or from the identity provider it signs in with (each
 * registration is one tenant's: {@link SignInProviders#tenantOf}), before the work reads anything: row-level security shows the
 * account only to its tenant's connections. A request that already has a tenant keeps it; one that
 * names a tenant that does not exist is refused (422 on {@code tenant}: slugs are no secret, the
 * sign-in pages show them), and one that names no known token stays without (it is refused as an
 * unknown token would be).
 * Called by the adapters, before the services' transactions check out their connections.
 */
@Component
public class AccountTenants {

    private final TenantKeys keys;
    private final SignInProviders providers;

    AccountTenants(TenantKeys keys, SignInProviders providers) {
        this.keys = keys;
        this.providers = providers;
    }

    /**
     * The tenant of this slug (none: the default tenant), for a request that names an account by its
     * address there (a sign-in, a password reset). Refused (422 on {@code tenant}) when no tenant has this slug, whatever the address:
     * the answer says nothing of whether an account has it, and a sign-in never falls to the default
     * tenant's account of the same address.
     */
    public void bindForSignIn(String tenantSlug) {
        if (TenantContext.current().isPresent()) {
            return;
        }
        TenantContext.set(tenantOfSlug(tenantSlug));
    }

    /**
     * Binds the tenant a registration names by its slug (none: the default tenant). A caller with a
     * token registers in its own tenant and may name no other.
     */
    public void bindForRegistration(String tenantSlug) {
        Optional<UUID> current = TenantContext.current();
        UUID named = tenantSlug == null || tenantSlug.isBlank() ? current.orElse(TenantContext.DEFAULT)
                : keys.ofSlug(Tenant.slug("tenant", tenantSlug)).orElseThrow(AccountTenants::noSuchTenant);
        if (current.isPresent() && !current.get().equals(named)) {
            throw noSuchTenant();
        }
        TenantContext.set(named);
    }

    /**
     * Binds the tenant an identity provider's registration signs in to ({@code waybill.oidc.tenants}):
     * the provider's callback names no account Waybill knows yet, and its sign-in must find, link or
     * create the account in that tenant only. Refused when the configured slug is no tenant's, and when
     * the request is already another tenant's.
     */
    public void bindForProvider(String registration) {
        UUID tenant = tenantOfProvider(registration);
        if (TenantContext.current().filter(current -> !current.equals(tenant)).isPresent()) {
            throw new ForbiddenException("This identity provider signs in to another tenant.");
        }
        TenantContext.set(tenant);
    }

    /** The tenant an identity provider's registration signs in to; refused (404) when its slug is no tenant's. */
    public UUID tenantOfProvider(String registration) {
        String slug = providers.tenantOf(registration);
        return keys.ofSlug(slug).orElseThrow(() -> new NotFoundException("The identity provider '" + registration
                + "' signs in to the tenant '" + slug + "', which this platform does not have: ask its operator "
                + "to open that tenant or to correct " + SignInProviders.SETTING + "." + registration + "."));
    }

    /** The tenant of this slug (none: the default tenant); refused, naming the field {@code tenant}, when there is none. */
    public UUID tenantOfSlug(String tenantSlug) {
        return keys.ofSlug(slugOrDefault(tenantSlug)).orElseThrow(AccountTenants::noSuchTenant);
    }

    private static InvalidRequestException noSuchTenant() {
        return new InvalidRequestException("tenant", "is not a tenant of this platform");
    }

    private static String slugOrDefault(String tenantSlug) {
        return tenantSlug == null || tenantSlug.isBlank() ? Tenant.DEFAULT_SLUG : Tenant.slug("tenant", tenantSlug);
    }

    public void bindForRefreshToken(String refreshToken) {
        bind(() -> keys.ofRefreshTokenHash(RefreshToken.hash(refreshToken)));
    }

    /** A verification or password reset token. */
    public void bindForAccountToken(String token) {
        bind(() -> keys.ofAccountTokenHash(OneTimeSecret.hash(token)));
    }

    private static void bind(Supplier<Optional<UUID>> lookup) {
        if (TenantContext.current().isPresent()) {
            return;
        }
        Optional<UUID> tenant;
        try {
            tenant = lookup.get();
        } catch (RuntimeException unreadable) {
            // An email or token that cannot even be read names no account: the service refuses it.
            return;
        }
        tenant.ifPresent(TenantContext::set);
    }
}
