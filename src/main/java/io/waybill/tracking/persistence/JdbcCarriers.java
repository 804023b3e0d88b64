package io.waybill.tracking.persistence;

import io.waybill.tracking.Carrier;
import io.waybill.tracking.Carriers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code tracking.carriers}: one row per tenant, its tenant's own under row-level security. */
@Repository
class JdbcCarriers implements Carriers {

    private final JdbcClient jdbc;

    JdbcCarriers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Carrier> find(UUID tenantId) {
        return jdbc.sql("select display_name from tracking.carriers where tenant_id = ?").param(tenantId)
                .query((rs, row) -> new Carrier(rs.getString("display_name"))).optional();
    }

    @Override
    public void store(String displayName, Instant asOf) {
        // tenant_id takes the connection's tenant; a late or replayed event never overwrites a newer name.
        jdbc.sql("""
                insert into tracking.carriers (display_name, changed_at) values (?, ?)
                on conflict (tenant_id) do update set display_name = excluded.display_name,
                    changed_at = excluded.changed_at
                where carriers.changed_at <= excluded.changed_at""")
                .params(displayName, Timestamp.from(asOf)).update();
    }
}
