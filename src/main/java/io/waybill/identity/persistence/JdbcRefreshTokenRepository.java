package io.waybill.identity.persistence;

import io.waybill.identity.RefreshToken;
import io.waybill.identity.RefreshTokenRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRefreshTokenRepository implements RefreshTokenRepository {

    private final JdbcClient jdbc;

    JdbcRefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RefreshToken token) {
        jdbc.sql("""
                insert into identity.refresh_tokens
                    (id, user_id, family_id, family_started_at, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.userId(), token.familyId(), Timestamp.from(token.familyStartedAt()),
                        token.tokenHash(),
                        Timestamp.from(token.issuedAt()), Timestamp.from(token.expiresAt()))
                .update();
    }

    @Override
    public Optional<RefreshToken> lockByHash(byte[] tokenHash) {
        return jdbc.sql("""
                select id, user_id, family_id, family_started_at, token_hash, issued_at, expires_at, used_at, revoked_at
                from identity.refresh_tokens where token_hash = ? for update""")
                .param(tokenHash)
                .query((rs, n) -> new RefreshToken(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("family_started_at").toInstant(),
                        rs.getBytes("token_hash"),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    @Override
    public void markUsed(UUID id, Instant at) {
        jdbc.sql("update identity.refresh_tokens set used_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        jdbc.sql("update identity.refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(at), familyId).update();
    }

    @Override
    public void revokeAllOf(UUID userId, Instant at) {
        jdbc.sql("update identity.refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), userId).update();
    }

    @Override
    public void revoke(byte[] tokenHash, UUID userId, Instant at) {
        jdbc.sql("""
                update identity.refresh_tokens set revoked_at = ?
                where token_hash = ? and user_id = ? and revoked_at is null""")
                .params(Timestamp.from(at), tokenHash, userId).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
