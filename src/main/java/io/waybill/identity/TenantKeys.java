package io.waybill.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant a request without a token belongs to, found by what it does carry: a tenant's slug, a refresh
 * token, a verification or reset token. Answered by the database's own functions, which alone may
 * look across tenants and say nothing but the tenant (V153).
 */
public interface TenantKeys {

    Optional<UUID> ofSlug(String slug);

    Optional<UUID> ofRefreshTokenHash(byte[] hash);

    Optional<UUID> ofAccountTokenHash(byte[] hash);
}
