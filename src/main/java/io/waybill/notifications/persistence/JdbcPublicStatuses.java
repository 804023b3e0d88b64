package io.waybill.notifications.persistence;

import io.waybill.notifications.PublicStatus;
import io.waybill.notifications.PublicStatuses;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPublicStatuses implements PublicStatuses {

    private final JdbcClient jdbc;

    JdbcPublicStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PublicStatus> find(String trackingNumber) {
        return jdbc.sql("select tracking_number, status, location, updated_at, sequence "
                + "from notifications.public_statuses where tracking_number = ?").param(trackingNumber)
                .query((rs, n) -> new PublicStatus(rs.getString("tracking_number"), rs.getString("status"),
                        rs.getString("location"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("sequence")))
                .optional();
    }

    @Override
    public Optional<UUID> tenantOf(String trackingNumber) {
        return jdbc.sql("select t from notifications.tenant_of_public_status(?) t where t is not null")
                .param(trackingNumber).query(UUID.class).optional();
    }

    @Override
    public void record(PublicStatus status) {
        jdbc.sql("""
                insert into notifications.public_statuses (tracking_number, status, location, updated_at, sequence)
                values (?, ?, ?, ?, ?)
                on conflict (tracking_number) do update set status = excluded.status,
                    location = coalesce(excluded.location, public_statuses.location),
                    updated_at = excluded.updated_at, sequence = excluded.sequence
                where public_statuses.sequence < excluded.sequence""")
                .params(status.trackingNumber(), status.status(), status.location(),
                        Timestamp.from(status.updatedAt()), status.sequence())
                .update();
    }
}
