package io.waybill.kernel;

import java.util.UUID;

/**
 * Who is making a request: an authenticated account, its current role and the tenant it belongs to
 * (from its token, API key or page session, never from anything else the client sends).
 */
public record Caller(UUID userId, Role role, UUID tenantId) {

    public Caller {
        if (tenantId == null) {
            tenantId = TenantContext.DEFAULT;
        }
    }

    /** A caller of the default tenant (a deployment with one tenant, and code written before tenants). */
    public Caller(UUID userId, Role role) {
        this(userId, role, TenantContext.DEFAULT);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAgent() {
        return role == Role.AGENT;
    }

    /** A platform operator: runs the deployment's tenants, and is no tenant's admin. */
    public boolean isPlatformOperator() {
        return role == Role.PLATFORM;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    public boolean is(UUID user) {
        return userId.equals(user);
    }
}
