package io.waybill.notifications.persistence;

import io.waybill.notifications.Device;
import io.waybill.notifications.Devices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDevices implements Devices {

    private static final String COLUMNS = "id, user_id, token, platform, created_at";

    private final JdbcClient jdbc;

    JdbcDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Registration register(Device device) {
        // xmax = 0 only on a row this statement inserted: an existing token was taken over instead.
        return jdbc.sql("""
                insert into notifications.devices (id, user_id, token, platform, created_at) values (?, ?, ?, ?, ?)
                on conflict (token) do update set user_id = excluded.user_id, platform = excluded.platform
                returning\s""" + COLUMNS + ", (xmax = 0) as created")
                .params(device.id(), device.userId(), device.token(), device.platform(),
                        Timestamp.from(device.createdAt()))
                .query((rs, n) -> new Registration(row(rs, n), rs.getBoolean("created"))).single();
    }

    @Override
    public List<Device> ofUser(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from notifications.devices where user_id = ? order by created_at, id")
                .param(userId).query(this::row).list();
    }

    @Override
    public int countLockingUser(UUID userId) {
        // A lock on the user rather than on their rows: with no device yet there is no row to lock.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 140))").param("devices:" + userId)
                .query((rs, n) -> 0).list();
        return jdbc.sql("select count(*) from notifications.devices where user_id = ?").param(userId)
                .query(Integer.class).single();
    }

    @Override
    public boolean hasAny(UUID userId) {
        return jdbc.sql("select exists (select 1 from notifications.devices where user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    @Override
    public Optional<Device> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.devices where id = ?").param(id).query(this::row)
                .optional();
    }

    @Override
    public void remove(UUID id) {
        jdbc.sql("delete from notifications.devices where id = ?").param(id).update();
    }

    @Override
    public void forgetUser(UUID userId) {
        jdbc.sql("delete from notifications.devices where user_id = ?").param(userId).update();
    }

    @Override
    public void removeToken(String token) {
        jdbc.sql("delete from notifications.devices where token = ?").param(token).update();
    }

    private Device row(ResultSet rs, int n) throws SQLException {
        return new Device(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("token"),
                rs.getString("platform"), rs.getTimestamp("created_at").toInstant());
    }
}
