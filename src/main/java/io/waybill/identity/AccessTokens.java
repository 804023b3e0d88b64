package io.waybill.identity;

import io.waybill.identity.config.IdentityProperties;
import io.waybill.kernel.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived access tokens: the subject is the user id, with the role and the tenant
 * ({@value #TENANT_CLAIM}) as claims. The tenant is the one the account was read under: row-level
 * security let the work see the account only as that tenant's.
 */
@Component
class AccessTokens {

    static final String ISSUER = "waybill";

    /** The tenant claim; a token without it (issued before tenants) belongs to the default tenant. */
    static final String TENANT_CLAIM = "tid";

    private final JwtEncoder encoder;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, IdentityProperties properties) {
        this.encoder = encoder;
        this.ttl = properties.jwt().accessTokenTtl();
    }

    String issue(User user, Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("role", user.role().wireName())
                .claim(TENANT_CLAIM, TenantContext.current().orElseThrow(() -> new IllegalStateException(
                        "A token is issued to an account read as its tenant's: no tenant is bound")).toString())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }
}
