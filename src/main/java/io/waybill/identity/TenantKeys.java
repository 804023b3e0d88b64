package io.waybill.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant a request without a token belongs to, found by what it does carry: an email, a refresh
 * token, a verification or reset token. Answered by the database's own functions, which alone may
 * look across tenants and say nothing but the tenant (V153).
 */
public interface TenantKeys {

    Optional<UUID> ofEmail(String normalizedEmail);

    Optional<UUID> ofRefreshTokenHash(byte[] hash);

    Optional<UUID> ofAccountTokenHash(byte[] hash);
}
