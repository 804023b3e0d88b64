package io.waybill.identity.persistence;

import io.waybill.identity.Email;
import io.waybill.identity.User;
import io.waybill.identity.UserRepository;
import io.waybill.security.AccountLookup;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserRepository implements UserRepository {

    private static final String COLUMNS =
            "id, email, password_hash, full_name, phone, role, created_at, deleted_at, email_verified_at, disabled_at";

    private final JdbcClient jdbc;

    JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity.users where id = ?")
                .param(id).query(JdbcUserRepository::map).optional();
    }

    @Override
    public Optional<User> findLiveByEmail(Email email) {
        return jdbc.sql("select " + COLUMNS + " from identity.users where email = ? and deleted_at is null")
                .param(email.value()).query(JdbcUserRepository::map).optional();
    }

    @Override
    public Optional<AccountLookup.ActiveAccount> active(UUID id) {
        return jdbc.sql("select role, tokens_revoked_at from identity.users where id = ? and deleted_at is null")
                .param(id).query((rs, n) -> new AccountLookup.ActiveAccount(
                        Role.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), instant(rs.getTimestamp(2))))
                .optional();
    }

    @Override
    public void revokeTokensIssuedBefore(UUID id, Instant at) {
        jdbc.sql("update identity.users set tokens_revoked_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    @Override
    public void add(User user) {
        try {
            jdbc.sql("""
                    insert into identity.users (id, email, password_hash, full_name, phone, role, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(user.id(), user.email().value(), user.passwordHash(), user.fullName(), user.phone(),
                            user.role().wireName(), Timestamp.from(user.createdAt()))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("An account with this email already exists.");
        }
    }

    @Override
    public void markDeleted(User user) {
        jdbc.sql("update identity.users set deleted_at = ? where id = ?")
                .params(Timestamp.from(user.deletedAt()), user.id()).update();
    }

    @Override
    public void markEmailVerified(User user) {
        jdbc.sql("update identity.users set email_verified_at = ? where id = ?")
                .params(Timestamp.from(user.emailVerifiedAt()), user.id()).update();
    }

    @Override
    public void saveDisabled(User user) {
        jdbc.sql("update identity.users set disabled_at = ? where id = ?")
                .params(user.disabledAt() == null ? null : Timestamp.from(user.disabledAt()), user.id()).update();
    }

    @Override
    public void changeRole(User user) {
        jdbc.sql("update identity.users set role = ? where id = ?").params(user.role().wireName(), user.id()).update();
    }

    @Override
    public void changePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update identity.users set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    @Override
    public boolean anyLiveAdmin() {
        return jdbc.sql("select exists (select 1 from identity.users where role = 'admin' and deleted_at is null)")
                .query(Boolean.class).single();
    }

    @Override
    public Page<User> list(Role role, PageQuery page) {
        // Platform operators are no tenant admin's to see.
        String filter = " and role <> 'platform'" + (role == null ? "" : " and role = :role");
        var count = jdbc.sql("select count(*) from identity.users where deleted_at is null" + filter);
        var select = jdbc.sql("select " + COLUMNS + " from identity.users where deleted_at is null" + filter
                + " order by created_at, id limit :limit offset :offset");
        if (role != null) {
            count = count.param("role", role.wireName());
            select = select.param("role", role.wireName());
        }
        long total = count.query(Long.class).single();
        List<User> users = select.param("limit", page.size()).param("offset", page.offset())
                .query(JdbcUserRepository::map).list();
        return Page.of(users, page, total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        Timestamp deleted = rs.getTimestamp("deleted_at");
        Timestamp verified = rs.getTimestamp("email_verified_at");
        return User.restore(
                rs.getObject("id", UUID.class),
                new Email(rs.getString("email")),
                rs.getString("password_hash"),
                rs.getString("full_name"),
                rs.getString("phone"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(),
                deleted == null ? null : deleted.toInstant(),
                verified == null ? null : verified.toInstant(),
                instant(rs.getTimestamp("disabled_at")));
    }
}
