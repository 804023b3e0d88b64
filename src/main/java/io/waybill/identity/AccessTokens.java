package io.waybill.identity;

import io.waybill.identity.config.IdentityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs short-lived access tokens: the subject is the user id, with the role as a claim. */
@Component
class AccessTokens {

    static final String ISSUER = "waybill";

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
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }
}
