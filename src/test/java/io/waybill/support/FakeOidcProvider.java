package io.waybill.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenID Connect provider on the loopback interface, shaped like Google's or Microsoft's for the
 * authorization code flow: discovery, authorize, token and JWKS endpoints, RS256-signed ID tokens.
 * Its "signed-in person" is whoever the test says ({@link #signIn}); authorize sends the browser
 * straight back with a code, as a provider does for someone already signed in there. The token
 * endpoint checks the client secret, the redirect URI and the PKCE verifier, and puts the nonce of
 * the authorization request into the ID token.
 */
public final class FakeOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "waybill-test-client";
    public static final String CLIENT_SECRET = "waybill-test-secret";

    /** Who is signed in at the provider. */
    public record Person(String subject, String email, Boolean emailVerified, String name) {
    }

    /** The query parameters of one authorization request the provider received. */
    public record Authorization(Map<String, String> parameters) {
    }

    private record Grant(Person person, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    private volatile Person signedIn;

    public FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void signIn(Person person) {
        signedIn = person;
    }

    public List<Authorization> authorizations() {
        return authorizations;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        answer(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
                 "code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}"""
                .formatted(issuer));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        authorizations.add(new Authorization(query));
        Person person = signedIn;
        if (person == null || !CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(person, query.get("client_id"), query.get("redirect_uri"), query.get("nonce"),
                query.get("code_challenge")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Grant grant = grants.remove(String.valueOf(body.get("code")));
        boolean clientOk = expected.equals(authorization)
                || CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
        if (grant == null || !clientOk || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || grant.challenge() == null || !grant.challenge().equals(s256(body.get("code_verifier")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        answer(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid email profile",
                 "id_token":"%s"}""".formatted(UUID.randomUUID(), idToken(grant)));
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.person().subject())
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce());
        if (grant.person().email() != null) {
            claims.claim("email", grant.person().email());
        }
        if (grant.person().emailVerified() != null) {
            claims.claim("email_verified", grant.person().emailVerified());
        }
        if (grant.person().name() != null) {
            claims.claim("name", grant.person().name());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The URI a test's browser is sent to, resolved against the provider. */
    public URI resolve(String location) {
        return URI.create(issuer()).resolve(location);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
