package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The security module's own copy of accounts and API keys, as a service without identity's tables
 * sees it: filled by identity's events alone. The events here are published as another service
 * would, by their published contract (topic and payload fields), with nothing in identity's tables
 * changing; each test's check goes through HTTP, like any request.
 */
class AccountCopyApiIT extends ApiTest {

    @Autowired
    private EventPublisher events;

    @Autowired
    private TransactionTemplate transaction;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void shouldAuthenticateAnAccountKnownOnlyFromItsEventWithTheRoleItCarries() {
        UUID admin = UUID.randomUUID();
        publish(new UserCreated(admin, "admin", now.minusSeconds(120)));

        assertThat(api.get("/admin/users", token(admin, "admin", now.minusSeconds(60))).status()).isEqualTo(200);
        // A token claiming another role than the copy's (issued before an admin changed it) counts for nothing.
        assertProblem(api.get("/admin/users", token(admin, "customer", now.minusSeconds(60))), 401);
        assertProblem(api.get("/shipments", token(admin, "customer", now.minusSeconds(60))), 401);
    }

    @Test
    void shouldAcceptAValidTokenOfAnAccountNotHeardOfYetWithTheRoleItClaims() {
        UUID newcomer = UUID.randomUUID();

        String token = token(newcomer, "customer", now.minusSeconds(10));

        assertThat(api.get("/shipments", token).status()).isEqualTo(200);
        assertProblem(api.get("/admin/users", token), 403);
    }

    @Test
    void shouldRefuseTheTokensOfAnAccountOnceItsDeletionArrives() {
        Account customer = customer();
        assertThat(api.get("/shipments", customer.token()).status()).isEqualTo(200);

        publish(new UserDeleted(customer.id(), "customer", Instant.now()));

        assertProblem(api.get("/shipments", customer.token()), 401);
    }

    @Test
    void shouldKeepADeletedAccountDeletedWhateverArrivesAfter() {
        UUID account = UUID.randomUUID();
        // The deletion overtakes the creation (they travel on different topics), then a late update comes.
        publish(new UserDeleted(account, "customer", now.minusSeconds(30)));
        publish(new UserCreated(account, "customer", now.minusSeconds(120)));
        publish(new UserUpdated(account, "customer", null, now.minusSeconds(10)));

        assertProblem(api.get("/shipments", token(account, "customer", now.minusSeconds(5))), 401);
    }

    @Test
    void shouldRefuseOlderTokensOnceARevocationArrives() {
        Account customer = customer();
        // After the account was made (an older state would be ignored), and not on a whole second.
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        String before = token(customer.id(), "customer", revokedAt.minusSeconds(60));
        String after = token(customer.id(), "customer", revokedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        assertThat(api.get("/shipments", before).status()).isEqualTo(200);

        publish(new UserUpdated(customer.id(), "customer", revokedAt, revokedAt));

        assertProblem(api.get("/shipments", before), 401);
        assertThat(api.get("/shipments", after).status()).isEqualTo(200);
    }

    @Test
    void shouldNotLetAReplayedOlderStateUndoANewerOne() {
        UUID account = UUID.randomUUID();
        publish(new UserCreated(account, "customer", now.minusSeconds(120)));
        publish(new UserUpdated(account, "customer", now.minusSeconds(30), now.minusSeconds(30)));

        // An older state, redelivered late: no revocation yet, and another role.
        publish(new UserUpdated(account, "admin", null, now.minusSeconds(60)));

        assertProblem(api.get("/shipments", token(account, "customer", now.minusSeconds(45))), 401);
        String current = token(account, "customer", now.minusSeconds(5));
        assertThat(api.get("/shipments", current).status()).isEqualTo(200);
        assertProblem(api.get("/admin/users", current), 403);
    }

    @Test
    void shouldRefuseAKeyOnceItsRevocationArrives() {
        Account agent = agent();
        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "partner"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, String> withKey = Map.of("X-API-Key", created.text("key"));
        assertThat(api.json("GET", "/shipments", null, null, withKey).status()).isEqualTo(200);

        publish(new KeyRevoked(UUID.fromString(created.text("id")), agent.id(), Instant.now()));

        assertProblem(api.json("GET", "/shipments", null, null, withKey), 401);
    }

    @Test
    void shouldActWithAKeyKnownOnlyFromItsEventAndRefuseAKeyNotHeardOf() {
        UUID agent = UUID.randomUUID();
        String key = "wbk_" + UUID.randomUUID() + UUID.randomUUID();
        publish(new UserCreated(agent, "agent", now.minusSeconds(120)));
        Map<String, String> withKey = Map.of("X-API-Key", key);
        assertProblem(api.json("GET", "/shipments", null, null, withKey), 401);

        publish(new KeyIssued(UUID.randomUUID(), agent, HexFormat.of().formatHex(sha256(key)), now.minusSeconds(60)));

        Api.Response answer = api.json("GET", "/shipments", null, null, withKey);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void shouldKeepAKeyRevokedWhenItsRevocationOvertakesItsIssue() {
        UUID agent = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        String key = "wbk_" + UUID.randomUUID() + UUID.randomUUID();
        publish(new UserCreated(agent, "agent", now.minusSeconds(120)));

        publish(new KeyRevoked(keyId, agent, now.minusSeconds(30)));
        publish(new KeyIssued(keyId, agent, HexFormat.of().formatHex(sha256(key)), now.minusSeconds(60)));

        assertProblem(api.json("GET", "/shipments", null, null, Map.of("X-API-Key", key)), 401);
    }

    @Test
    void shouldAnnounceIssuedAndRevokedKeysWithTheHashIdentityKeeps() {
        Account agent = agent();
        Api.Response created = api.post("/admin/api-keys", admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "partner"));
        String keyId = created.text("id");

        assertThat(api.delete("/admin/api-keys/" + keyId, admin().token()).status()).isEqualTo(204);

        String issued = payload("api_key.issued", agent);
        String storedHash = database().sql("select encode(key_hash, 'hex') from identity.api_keys where id = ?::uuid")
                .param(keyId).query(String.class).single();
        assertThat(issued).contains("\"key_id\": \"" + keyId + "\"", "\"user_id\": \"" + agent.id() + "\"",
                "\"key_hash\": \"" + storedHash + "\"");
        assertThat(storedHash).isEqualTo(HexFormat.of().formatHex(sha256(created.text("key"))));
        assertThat(payload("api_key.revoked", agent)).contains("\"key_id\": \"" + keyId + "\"",
                "\"user_id\": \"" + agent.id() + "\"", "\"occurred_at\"");
    }

    private String payload(String topic, Account account) {
        return database().sql("select envelope -> 'payload' from eventing.outbox where topic = ? and event_key = ?")
                .params(topic, account.id().toString()).query(String.class).single();
    }

    /** Publishes as identity's process would, and waits until every consumer has it. */
    /** Published as the default tenant's work, the tenant of the accounts these tests make. */
    private void publish(DomainEvent event) {
        TenantContext.runAs(TenantContext.DEFAULT,
                () -> transaction.executeWithoutResult(status -> events.publish(event)));
        awaitEvents();
    }

    private static String token(UUID subject, String role, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject.toString()).issuer("waybill")
                .claim("role", role).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(15)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // identity's events by their published contract (docs/API.md), as another service would send them.

    record UserCreated(UUID userId, String role, String email, String fullName, String phone, Instant occurredAt)
            implements DomainEvent {

        UserCreated(UUID userId, String role, Instant occurredAt) {
            this(userId, role, userId + "@copy.waybill.test", "From events", null, occurredAt);
        }

        @Override
        public String topic() {
            return "user.created";
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    record UserUpdated(UUID userId, String role, String email, String fullName, String phone, boolean emailVerified,
            Instant tokensRevokedAt, Instant occurredAt) implements DomainEvent {

        UserUpdated(UUID userId, String role, Instant tokensRevokedAt, Instant occurredAt) {
            this(userId, role, userId + "@copy.waybill.test", "From events", null, false, tokensRevokedAt, occurredAt);
        }

        @Override
        public String topic() {
            return "user.updated";
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    record UserDeleted(UUID userId, String role, Instant occurredAt) implements DomainEvent {

        @Override
        public String topic() {
            return "user.deleted";
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    record KeyIssued(UUID keyId, UUID userId, String keyHash, Instant occurredAt) implements DomainEvent {

        @Override
        public String topic() {
            return "api_key.issued";
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }

    record KeyRevoked(UUID keyId, UUID userId, Instant occurredAt) implements DomainEvent {

        @Override
        public String topic() {
            return "api_key.revoked";
        }

        @Override
        public String key() {
            return userId.toString();
        }
    }
}
