package io.waybill.web;

import io.waybill.kernel.Caller;
import io.waybill.kernel.CallerPrincipal;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * Who a page session is signed in as, kept in the session: the account, its role, when the session
 * signed in (a later "log out everywhere" ends it), the refresh token its sign-in was given (revoked
 * when it signs out), the name to greet and the account's tenant (a session of before tenants has
 * none: the default tenant's).
 */
record PageUser(UUID userId, Role role, Instant signedInAt, String refreshToken, String email, UUID tenantId)
        implements Serializable, CallerPrincipal {

    PageUser {
        if (tenantId == null) {
            tenantId = TenantContext.DEFAULT;
        }
    }

    @Override
    public Caller caller() {
        return new Caller(userId, role, tenantId);
    }
}
