package io.waybill.identity.persistence;

import io.waybill.identity.ApiKey;
import io.waybill.identity.ApiKeyRepository;
import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS = "id, user_id, name, prefix, key_hash, scopes, expires_at, requests_per_minute, "
            + "created_by, created_at, revoked_at";

    private final JdbcClient jdbc;

    JdbcApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ApiKey key) {
        jdbc.sql("""
                insert into identity.api_keys (id, user_id, name, prefix, key_hash, scopes, expires_at,
                    requests_per_minute, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.id(), key.userId(), key.name(), key.prefix(), key.keyHash(),
                        key.scopes().stream().map(ApiScope::wireName).sorted().toArray(String[]::new),
                        key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()), key.requestsPerMinute(),
                        key.createdBy(), Timestamp.from(key.createdAt()))
                .update();
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity.api_keys where id = ?")
                .param(id).query(JdbcApiKeyRepository::map).optional();
    }

    @Override
    public Page<ApiKey> list(UUID userId, PageQuery page) {
        String filter = userId == null ? "" : " where user_id = :user";
        var count = jdbc.sql("select count(*) from identity.api_keys" + filter);
        var select = jdbc.sql("select " + COLUMNS + " from identity.api_keys" + filter
                + " order by created_at desc, id limit :limit offset :offset");
        if (userId != null) {
            count = count.param("user", userId);
            select = select.param("user", userId);
        }
        long total = count.query(Long.class).single();
        List<ApiKey> keys = select.param("limit", page.size()).param("offset", page.offset())
                .query(JdbcApiKeyRepository::map).list();
        return Page.of(keys, page, total);
    }

    @Override
    public int countUsableLockingOwner(UUID userId, Instant now) {
        jdbc.sql("select id from identity.users where id = ? for update").param(userId).query(UUID.class).optional();
        return jdbc.sql("""
                select count(*) from identity.api_keys
                where user_id = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
                .params(userId, Timestamp.from(now)).query(Integer.class).single();
    }

    @Override
    public void revoke(UUID id, Instant at) {
        jdbc.sql("update identity.api_keys set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), id).update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : (String[]) rs.getArray("scopes").getArray()) {
            ApiScope.fromWire(name).ifPresent(scopes::add);
        }
        int perMinute = rs.getInt("requests_per_minute");
        Integer requestsPerMinute = rs.wasNull() ? null : perMinute;
        return new ApiKey(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("prefix"), rs.getBytes("key_hash"), scopes, instant(rs.getTimestamp("expires_at")),
                requestsPerMinute, rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
