package io.waybill.security.accounts;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import io.waybill.security.AccountLookup;
import io.waybill.security.AccountRecords;
import io.waybill.security.ApiKeyLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The security module's copy of accounts and API keys ({@code security.accounts},
 * {@code security.api_keys}): read on every authenticated request (one row by primary key or
 * unique hash), written by identity's calls and by {@link AccountEvents}.
 */
@Repository
class JdbcAccounts implements AccountLookup, ApiKeyLookup, AccountRecords {

    /** Longer than any key identity issues; a longer header is refused without hashing it. */
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;

    JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ActiveAccount> active(UUID userId) {
        return find(userId).filter(Known::live).map(Known::account);
    }

    @Override
    public boolean isDisabled(UUID userId) {
        return find(userId).filter(known -> !known.deleted() && known.disabled()).isPresent();
    }

    @Override
    public Optional<ActiveAccount> activeForToken(UUID userId, Role claimedRole) {
        Optional<Known> known = find(userId);
        if (known.isEmpty()) {
            // Not heard of yet, never "deleted" (a deletion leaves its row): the token's own claim stands.
            return Optional.ofNullable(claimedRole).map(role -> new ActiveAccount(role, null));
        }
        return known.filter(Known::live).map(Known::account);
    }

    @Override
    public Optional<Grant> callerFor(String apiKey, Instant now) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        // The request names no tenant: the key's own row says which, through the one function that may
        // look across tenants (V151), and the request's work is that tenant's from here on.
        byte[] hash = sha256(apiKey);
        Optional<UUID> tenant = jdbc.sql("select t from security.tenant_of_api_key(?) t where t is not null").param(hash)
                .query(UUID.class).optional();
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TenantContext.set(tenant.get());
        // The account's role now decides; for an account not heard of yet, the role the key was issued under.
        return jdbc.sql("""
                select k.id, k.user_id, k.tenant_id, coalesce(a.role, k.role, 'agent') as role, k.scopes, k.requests_per_minute
                from security.api_keys k left join security.accounts a on a.user_id = k.user_id
                where k.key_hash = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?)
                  and (a.user_id is null or (a.deleted_at is null and not a.disabled))""")
                .params(hash, timestamp(now)).query(JdbcAccounts::grant).optional()
                .filter(grant -> !grant.caller().isAdmin());
    }

    @Override
    public boolean stillAccepts(UUID keyId, Instant now) {
        return jdbc.sql("""
                select count(*) from security.api_keys k left join security.accounts a on a.user_id = k.user_id
                where k.id = ? and k.key_hash is not null and k.revoked_at is null
                  and (k.expires_at is null or k.expires_at > ?) and (a.user_id is null or a.deleted_at is null)""")
                .params(keyId, timestamp(now)).query(Long.class).single() > 0;
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        Role role = Role.fromWire(rs.getString("role")).orElse(Role.ADMIN);
        Array stored = rs.getArray("scopes");
        Set<ApiScope> scopes = stored == null ? ApiScope.allowedFor(role) : scopes((String[]) stored.getArray());
        int perMinute = rs.getInt("requests_per_minute");
        Integer requestsPerMinute = rs.wasNull() ? null : perMinute;
        return new Grant(rs.getObject("id", UUID.class), new Caller(rs.getObject("user_id", UUID.class), role,
                rs.getObject("tenant_id", UUID.class)),
                scopes, requestsPerMinute);
    }

    /** Scopes this version does not know are left out: a key never gains from a name it cannot read. */
    private static Set<ApiScope> scopes(String[] wire) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : wire) {
            ApiScope.fromWire(name).ifPresent(scopes::add);
        }
        return scopes;
    }

    @Override
    public void record(UUID userId, Role role, Instant tokensRevokedAt, boolean disabled, Instant asOf) {
        jdbc.sql("""
                insert into security.accounts as a (user_id, role, tokens_revoked_at, disabled, as_of)
                values (?, ?, ?, ?, ?)
                on conflict (user_id) do update
                set role = excluded.role, tokens_revoked_at = excluded.tokens_revoked_at,
                    disabled = excluded.disabled, as_of = excluded.as_of
                where a.deleted_at is null and a.as_of < excluded.as_of""")
                .params(userId, role.wireName(), timestamp(tokensRevokedAt), disabled, timestamp(asOf))
                .update();
    }

    @Override
    public void forget(UUID userId, Role role, Instant deletedAt) {
        // Whatever the order of events, a deletion wins and stays: the first one seen is kept.
        jdbc.sql("""
                insert into security.accounts as a (user_id, role, deleted_at, as_of) values (?, ?, ?, ?)
                on conflict (user_id) do update
                set deleted_at = excluded.deleted_at, as_of = greatest(a.as_of, excluded.as_of)
                where a.deleted_at is null""")
                .params(userId, role.wireName(), timestamp(deletedAt), timestamp(deletedAt))
                .update();
    }

    @Override
    public void recordKey(UUID keyId, UUID userId, byte[] keyHash, KeyTerms terms, Instant issuedAt) {
        // Fills in the hash and terms of a key whose revocation came first, and keeps the revocation.
        String[] scopes = terms.scopes() == null ? null
                : terms.scopes().stream().map(ApiScope::wireName).sorted().toArray(String[]::new);
        jdbc.sql("""
                insert into security.api_keys as k (id, key_hash, user_id, role, scopes, expires_at,
                    requests_per_minute, as_of)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set key_hash = excluded.key_hash, role = excluded.role,
                    scopes = excluded.scopes, expires_at = excluded.expires_at,
                    requests_per_minute = excluded.requests_per_minute
                where k.key_hash is null""")
                .params(keyId, keyHash, userId, terms.role().wireName(), scopes, timestamp(terms.expiresAt()),
                        terms.requestsPerMinute(), timestamp(issuedAt))
                .update();
    }

    @Override
    public void revokeKey(UUID keyId, UUID userId, Instant revokedAt) {
        jdbc.sql("""
                insert into security.api_keys as k (id, user_id, revoked_at, as_of) values (?, ?, ?, ?)
                on conflict (id) do update
                set revoked_at = excluded.revoked_at, as_of = greatest(k.as_of, excluded.as_of)
                where k.revoked_at is null""")
                .params(keyId, userId, timestamp(revokedAt), timestamp(revokedAt))
                .update();
    }

    private Optional<Known> find(UUID userId) {
        return jdbc.sql("select role, tokens_revoked_at, deleted_at, disabled from security.accounts where user_id = ?")
                .param(userId).query(JdbcAccounts::map).optional();
    }

    private static Known map(ResultSet rs, int row) throws SQLException {
        String wire = rs.getString("role");
        Role role = Role.fromWire(wire).orElseThrow(() -> new IllegalStateException("Unknown role " + wire));
        return new Known(new ActiveAccount(role, instant(rs.getTimestamp("tokens_revoked_at"))),
                rs.getTimestamp("deleted_at") != null, rs.getBoolean("disabled"));
    }

    /** SHA-256 of the key's UTF-8 bytes: the hash identity stores and announces. */
    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    /**
     * PostgreSQL keeps microseconds: an instant is cut to them before it is stored or compared, so
     * that the same fact written by identity and then re-applied from its event compares equal.
     */
    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A disabled account counts as gone while it is: its tokens and keys are refused, as a deleted one's. */
    private record Known(ActiveAccount account, boolean deleted, boolean disabled) {

        boolean live() {
            return !deleted && !disabled;
        }
    }
}
