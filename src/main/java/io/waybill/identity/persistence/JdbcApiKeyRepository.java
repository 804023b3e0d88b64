package io.waybill.identity.persistence;

import io.waybill.identity.ApiKey;
import io.waybill.identity.ApiKeyRepository;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS = "id, agent_id, name, prefix, key_hash, created_by, created_at, revoked_at";

    private final JdbcClient jdbc;

    JdbcApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ApiKey key) {
        jdbc.sql("""
                insert into identity.api_keys (id, agent_id, name, prefix, key_hash, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key.id(), key.agentId(), key.name(), key.prefix(), key.keyHash(), key.createdBy(),
                        Timestamp.from(key.createdAt()))
                .update();
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity.api_keys where id = ?")
                .param(id).query(JdbcApiKeyRepository::map).optional();
    }

    @Override
    public Page<ApiKey> list(UUID agentId, PageQuery page) {
        String filter = agentId == null ? "" : " where agent_id = :agent";
        var count = jdbc.sql("select count(*) from identity.api_keys" + filter);
        var select = jdbc.sql("select " + COLUMNS + " from identity.api_keys" + filter
                + " order by created_at desc, id limit :limit offset :offset");
        if (agentId != null) {
            count = count.param("agent", agentId);
            select = select.param("agent", agentId);
        }
        long total = count.query(Long.class).single();
        List<ApiKey> keys = select.param("limit", page.size()).param("offset", page.offset())
                .query(JdbcApiKeyRepository::map).list();
        return Page.of(keys, page, total);
    }

    @Override
    public void revoke(UUID id, Instant at) {
        jdbc.sql("update identity.api_keys set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), id).update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class), rs.getString("name"),
                rs.getString("prefix"), rs.getBytes("key_hash"), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
