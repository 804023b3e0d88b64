package io.waybill.identity.persistence;

import io.waybill.identity.AccountToken;
import io.waybill.identity.AccountTokenRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccountTokenRepository implements AccountTokenRepository {

    private final JdbcClient jdbc;

    JdbcAccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(AccountToken token) {
        jdbc.sql("""
                insert into identity.account_tokens (id, user_id, purpose, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.userId(), token.purpose().wireName(), token.tokenHash(),
                        Timestamp.from(token.issuedAt()), Timestamp.from(token.expiresAt()))
                .update();
    }

    @Override
    public Optional<AccountToken> lockByHash(byte[] tokenHash, AccountToken.Purpose purpose) {
        return jdbc.sql("""
                select id, user_id, purpose, token_hash, issued_at, expires_at, used_at
                from identity.account_tokens where token_hash = ? and purpose = ? for update""")
                .params(tokenHash, purpose.wireName())
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp("used_at");
                    return new AccountToken(
                            rs.getObject("id", UUID.class),
                            rs.getObject("user_id", UUID.class),
                            AccountToken.Purpose.valueOf(rs.getString("purpose").toUpperCase(Locale.ROOT)),
                            rs.getBytes("token_hash"),
                            rs.getTimestamp("issued_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant(),
                            used == null ? null : used.toInstant());
                })
                .optional();
    }

    @Override
    public void markUsed(UUID id, Instant at) {
        jdbc.sql("update identity.account_tokens set used_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    @Override
    public void supersede(UUID userId, AccountToken.Purpose purpose, Instant at) {
        jdbc.sql("""
                update identity.account_tokens set used_at = ?
                where user_id = ? and purpose = ? and used_at is null""")
                .params(Timestamp.from(at), userId, purpose.wireName()).update();
    }
}
