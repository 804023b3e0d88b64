package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ways an attacker may try to pass a token the server did not issue, or no longer honours. */
class TokenAttackApiIT extends ApiTest {

    @Test
    void shouldAcceptATokenSignedWithTheServersKey() {
        Account customer = customer();
        String token = sign(ApiTest.JWT_SECRET, customer, "customer", Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(api.get("/auth/me", token).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Account customer = customer();
        String expired = sign(ApiTest.JWT_SECRET, customer, "customer", Instant.now().minus(Duration.ofMinutes(5)));

        Api.Response response = api.get("/auth/me", expired);

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        Account customer = customer();
        String forged = sign("another-secret-that-is-at-least-32-bytes-long", customer, "admin",
                Instant.now().plus(Duration.ofMinutes(5)));

        assertProblem(api.get("/auth/me", forged), 401);
        assertProblem(api.get("/admin/users", forged), 401);
    }

    @Test
    void shouldRefuseATokenWhoseClaimsWereChanged() {
        Account customer = customer();
        String[] parts = customer.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        String tampered = parts[0] + "." + base64(payload) + "." + parts[2];

        assertProblem(api.get("/admin/users", tampered), 401);
    }

    @Test
    void shouldRefuseAnUnsignedToken() {
        Account customer = customer();
        String claims = "{\"sub\":\"" + customer.id() + "\",\"role\":\"admin\",\"iss\":\"waybill\",\"exp\":4102444800}";

        assertProblem(api.get("/admin/users", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims) + "."), 401);
        assertProblem(api.get("/admin/users", base64("{\"alg\":\"none\"}") + "." + base64(claims) + ".c2ln"), 401);
    }

    @Test
    void shouldRefuseATokenFromAnotherIssuerOrWithoutASubject() throws JOSEException {
        Account customer = customer();
        Date later = Date.from(Instant.now().plus(Duration.ofMinutes(5)));
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder().subject(customer.id().toString()).issuer("someone-else")
                .claim("role", "customer").expirationTime(later).build();
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder().issuer("waybill").claim("role", "admin")
                .expirationTime(later).build();

        assertProblem(api.get("/auth/me", sign(ApiTest.JWT_SECRET, otherIssuer)), 401);
        assertProblem(api.get("/auth/me", sign(ApiTest.JWT_SECRET, noSubject)), 401);
    }

    @Test
    void shouldRefuseATokenWhoseRoleClaimIsNotTheAccounts() {
        Account customer = customer();
        // Signed with the right key but claiming admin: the role is the account's, and a token naming
        // another one (as after an admin changed the role) counts for nothing.
        String claimsAdmin = sign(ApiTest.JWT_SECRET, customer, "admin", Instant.now().plus(Duration.ofMinutes(5)));

        assertProblem(api.get("/admin/users", claimsAdmin), 401);
        assertProblem(api.get("/shipments", claimsAdmin), 401);
    }

    @Test
    void shouldRevokeTheWholeFamilyWhenARefreshTokenIsReused() {
        Account customer = customer();
        Api.Response rotated = api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken()));
        assertThat(rotated.status()).isEqualTo(200);

        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);

        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", rotated.text("refresh_token"))), 401);
    }

    @Test
    void shouldRefuseTheTokensOfADeletedAccountAtOnce() {
        Account customer = customer();
        assertThat(api.delete("/admin/users/" + customer.id(), admin().token()).status()).isEqualTo(204);

        assertProblem(api.get("/auth/me", customer.token()), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
    }

    private static String sign(String secret, Account account, String role, Instant expiresAt) {
        try {
            return sign(secret, new JWTClaimsSet.Builder().subject(account.id().toString()).issuer("waybill")
                    .claim("role", role).issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                    .expirationTime(Date.from(expiresAt)).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
