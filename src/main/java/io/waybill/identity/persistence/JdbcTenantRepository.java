package io.waybill.identity.persistence;

import io.waybill.identity.Tenant;
import io.waybill.identity.TenantRepository;
import io.waybill.identity.TenantSettings;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants' rows; reads across tenants go through identity.all_tenants() (V190), the one way to see them all. */
@Repository
class JdbcTenantRepository implements TenantRepository {

    private final JdbcClient jdbc;

    JdbcTenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Tenant tenant) {
        try {
            // tenant_id takes the connection's tenant, which must be this one (row-level security checks it).
            jdbc.sql("insert into identity.tenants (id, slug, display_name, created_at) values (?, ?, ?, ?)")
                    .params(tenant.id(), tenant.slug(), tenant.displayName(), Timestamp.from(tenant.createdAt()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("A tenant with this slug already exists.");
        }
    }

    @Override
    public Page<Tenant> list(PageQuery page) {
        long total = jdbc.sql("select count(*) from identity.all_tenants()").query(Long.class).single();
        var tenants = jdbc.sql("select * from identity.all_tenants() order by created_at, id limit ? offset ?")
                .params(page.size(), page.offset()).query(JdbcTenantRepository::map).list();
        return Page.of(tenants, page, total);
    }

    @Override
    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("select * from identity.all_tenants() where id = ?").param(id)
                .query(JdbcTenantRepository::map).optional();
    }

    @Override
    public Optional<TenantSettings> settings(UUID tenantId) {
        return settings(tenantId, "");
    }

    @Override
    public Optional<TenantSettings> settingsForChange(UUID tenantId) {
        return settings(tenantId, " for update");
    }

    private Optional<TenantSettings> settings(UUID tenantId, String lock) {
        return jdbc.sql("""
                select id, slug, display_name, sender_email, sender_name, array_to_string(accepted_proofs, ',') proofs,
                    (select string_agg(key || '=' || value, ',') from jsonb_each_text(rate_limits)) limits
                from identity.tenants where id = ?""" + lock).param(tenantId)
                .query((rs, row) -> new TenantSettings(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("display_name"), rs.getString("sender_email"), rs.getString("sender_name"),
                        rs.getString("proofs") == null ? null : List.of(rs.getString("proofs").split(",")),
                        rateLimits(rs.getString("limits"))))
                .optional();
    }

    @Override
    public void storeSettings(TenantSettings settings) {
        // The proofs and the limits' names are wire names checked by TenantSettings (no comma in any).
        Map<String, Integer> limits = settings.rateLimits() == null ? Map.of() : settings.rateLimits();
        jdbc.sql("""
                update identity.tenants set display_name = ?, sender_email = ?, sender_name = ?,
                    accepted_proofs = string_to_array(?, ','),
                    rate_limits = case when ? then null
                                       else (select jsonb_object_agg(name, budget) from unnest(?::text[], ?::int[]) l(name, budget)) end
                where id = ?""")
                .params(settings.displayName(), settings.senderEmail(), settings.senderName(),
                        settings.acceptedProofs() == null ? null : String.join(",", settings.acceptedProofs()),
                        limits.isEmpty(), limits.keySet().toArray(String[]::new),
                        limits.values().toArray(Integer[]::new), settings.tenantId())
                .update();
    }

    /** "booking=20,api-key=600" as read back: null for none. */
    private static Map<String, Integer> rateLimits(String limits) {
        if (limits == null || limits.isEmpty()) {
            return null;
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        for (String pair : limits.split(",")) {
            int at = pair.indexOf('=');
            named.put(pair.substring(0, at), Integer.valueOf(pair.substring(at + 1)));
        }
        return named;
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("display_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
