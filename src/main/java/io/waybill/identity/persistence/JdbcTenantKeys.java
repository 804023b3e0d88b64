package io.waybill.identity.persistence;

import io.waybill.identity.TenantKeys;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTenantKeys implements TenantKeys {

    private final JdbcClient jdbc;

    JdbcTenantKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> ofSlug(String slug) {
        return jdbc.sql("select t from identity.tenant_of_slug(?) t where t is not null").param(slug)
                .query(UUID.class).optional();
    }

    @Override
    public Optional<UUID> ofRefreshTokenHash(byte[] hash) {
        return jdbc.sql("select t from identity.tenant_of_refresh_token(?) t where t is not null").param(hash)
                .query(UUID.class).optional();
    }

    @Override
    public Optional<UUID> ofAccountTokenHash(byte[] hash) {
        return jdbc.sql("select t from identity.tenant_of_account_token(?) t where t is not null").param(hash)
                .query(UUID.class).optional();
    }
}
