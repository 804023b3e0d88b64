package io.waybill.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A token verified once is taken from memory only as the very same string, and only while it is valid. */
class VerifiedTokensTest {

    private final SecretKey key = new SecretKeySpec(
            "a-test-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private final JwtEncoder encoder = new JwtKeyConfiguration().jwtEncoder(key);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private final OAuth2TokenValidator<Jwt> validator = timestamps();
    private final JwtDecoder nimbus = nimbus();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };

    @Test
    void shouldVerifyASignatureOnceForTheSameToken() {
        VerifiedTokens tokens = new VerifiedTokens(counting, validator, 10);
        String token = token(Duration.ofMinutes(10));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo(first.getSubject()).isEqualTo("42");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void shouldRefuseARememberedTokenOnceItHasExpired() {
        VerifiedTokens tokens = new VerifiedTokens(counting, validator, 10);
        String token = token(Duration.ofMinutes(5));
        tokens.decode(token);

        now.set(now.get().plus(Duration.ofMinutes(10)));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldVerifyATokenWithAnotherSignatureItselfAndRefuseIt() {
        VerifiedTokens tokens = new VerifiedTokens(counting, validator, 10);
        String token = token(Duration.ofMinutes(10));
        tokens.decode(token);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).as("a token that failed is not kept").isOne();
    }

    @Test
    void shouldStartOverWhenFullAndStillVerify() {
        VerifiedTokens tokens = new VerifiedTokens(counting, validator, 2);
        String a = token(Duration.ofMinutes(10));
        now.set(now.get().plusSeconds(1));
        String b = token(Duration.ofMinutes(10));
        now.set(now.get().plusSeconds(1));
        String c = token(Duration.ofMinutes(10));

        tokens.decode(a);
        tokens.decode(b);
        tokens.decode(c);
        tokens.decode(a);

        assertThat(tokens.size()).isLessThanOrEqualTo(2);
        assertThat(verifications).hasValue(4);
    }

    private String token(Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("waybill").subject("42").issuedAt(now.get())
                .expiresAt(now.get().plus(lifetime)).claim("role", "customer").build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private OAuth2TokenValidator<Jwt> timestamps() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        return timestamps;
    }

    private JwtDecoder nimbus() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
