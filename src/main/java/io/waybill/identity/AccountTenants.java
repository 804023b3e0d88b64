package io.waybill.identity;

import io.waybill.kernel.TenantContext;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sets the tenant of a request that carries no token (sign-in, refresh, verification, password
 * reset) from the account it names, before the work reads anything: row-level security shows the
 * account only to its tenant's connections. A request that already has a tenant keeps it, and one
 * that names nothing known stays without (it is refused as an unknown email or token would be).
 * Called by the adapters, before the services' transactions check out their connections.
 */
@Component
public class AccountTenants {

    private final TenantKeys keys;

    AccountTenants(TenantKeys keys) {
        this.keys = keys;
    }

    public void bindForEmail(String email) {
        bind(() -> keys.ofEmail(new Email(email).value()));
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
