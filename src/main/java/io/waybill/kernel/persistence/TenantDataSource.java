package io.waybill.kernel.persistence;

import io.waybill.kernel.BackgroundWork;
import io.waybill.kernel.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source: every connection it hands out runs as the application's database
 * role (a plain role that owns no table, so row-level security holds it) and is set to the tenant of
 * the work checking it out ({@link TenantContext}). A transaction keeps the connection it checked
 * out, so its tenant holds for the whole transaction. Both are session settings of the physical
 * connection, remembered per connection: a checkout costs a round trip only when the connection was
 * last set to another tenant, and a query never costs one.
 *
 * <p>Work that binds no tenant gets {@code fallback}: none by default ({@code waybill.tenancy.fail-closed}),
 * when the connection sees no row and can write none, or the default tenant where fail-closed is turned
 * off. DEBUG on this class names the code that borrowed a connection with no tenant. Migrations do
 * not come through here: they run as the owner ({@link #owner()}).
 *
 * <p>Background work ({@link BackgroundWork}: event consumers, the relay, outbound senders) gets its
 * connections from a pool of its own when one is given, so that requests and consumers never wait
 * for each other's connections: a burst of bookings cannot hold back the events they produce.
 */
public final class TenantDataSource extends DelegatingDataSource {

    /** What a physical connection was last set to. */
    private record Applied(String role, String tenant) {
    }

    /** {@code role} 'none' is RESET ROLE: the configured user, the tables' owner. */
    private static final String OWNER_ROLE = "none";

    private static final String APPLY = "select set_config('role', ?, false), set_config('app.tenant_id', ?, false)";

    private static final Logger LOG = LoggerFactory.getLogger(TenantDataSource.class);

    /**
     * Per physical connection, whichever wrapper set it: the application's and the owner's view lend
     * out the same pool's connections.
     */
    private static final Map<Connection, Applied> APPLIED = Collections.synchronizedMap(new WeakHashMap<>());

    private final String role;
    private final UUID fallback;
    private final boolean owner;
    private final DataSource workers;

    /**
     * @param role the database role the application's work runs as; empty when the configured user is
     *        already that plain role
     * @param fallback the tenant of work that binds none; null for none (fail closed)
     */
    public TenantDataSource(DataSource pool, String role, UUID fallback) {
        this(pool, null, role, fallback);
    }

    /**
     * @param workers the pool background work's connections come from; null for {@code pool}
     */
    public TenantDataSource(DataSource pool, DataSource workers, String role, UUID fallback) {
        this(pool, workers, role == null || role.isBlank() ? null : role, fallback, false);
    }

    private TenantDataSource(DataSource pool, DataSource workers, String role, UUID fallback, boolean owner) {
        super(Objects.requireNonNull(pool));
        this.workers = workers;
        this.role = role;
        this.fallback = fallback;
        this.owner = owner;
    }

    /**
     * The same pool's connections as the configured user, the tables' owner, with no tenant: for
     * migrations only (the owner must be a superuser or have BYPASSRLS to see rows).
     */
    public DataSource owner() {
        return owner ? this : new TenantDataSource(obtainTargetDataSource(), null, role == null ? null : OWNER_ROLE,
                null, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return prepared(pool().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return prepared(pool().getConnection(username, password));
    }

    /** The pool the running work borrows from. */
    private DataSource pool() {
        return workers != null && BackgroundWork.active() ? workers : obtainTargetDataSource();
    }

    private Connection prepared(Connection connection) throws SQLException {
        UUID tenant = owner ? null : TenantContext.current().orElse(fallback);
        if (tenant == null && !owner && LOG.isDebugEnabled()) {
            // Legitimate for the SECURITY DEFINER look-ups that find a tenant; otherwise a forgotten bind.
            LOG.debug("A connection borrowed with no tenant by {}", borrower());
        }
        Applied wanted = new Applied(role, tenant == null ? "" : tenant.toString());
        Connection physical = physical(connection);
        if (wanted.equals(APPLIED.get(physical))) {
            return connection;
        }
        try {
            apply(connection, wanted);
        } catch (SQLException | RuntimeException e) {
            APPLIED.remove(physical);
            connection.close();
            throw e;
        }
        APPLIED.put(physical, wanted);
        return connection;
    }

    /** The application's frames that asked for the connection, nearest first. */
    private static String borrower() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> frame.getClassName().startsWith("io.waybill.")
                        && !frame.getClassName().startsWith(TenantDataSource.class.getName()))
                .limit(4)
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .collect(java.util.stream.Collectors.joining(" < ")));
    }

    private static void apply(Connection connection, Applied wanted) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(wanted.role() == null
                ? "select set_config('app.tenant_id', ?, false)" : APPLY)) {
            int index = 1;
            if (wanted.role() != null) {
                statement.setString(index++, wanted.role());
            }
            statement.setString(index, wanted.tenant());
            statement.execute();
        }
        if (!connection.getAutoCommit()) {
            // A session setting made in a transaction would be undone by its rollback.
            connection.commit();
        }
    }

    /** The pool's physical connection behind the handle it lends out: what the settings belong to. */
    private static Connection physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
    }
}
