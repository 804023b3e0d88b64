package io.waybill.support;

import io.waybill.kernel.TenantContext;
import io.waybill.kernel.persistence.TenantDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database as a test reads and writes it from its own thread. That thread binds no tenant, and
 * the application's connections fail closed without one (they see no row and write none), so a test
 * says whose rows it means: one tenant's, through the application's role and row-level security as
 * that tenant's work sees them, or every tenant's, as the tables' owner (the way migrations run).
 */
public final class TenantDatabase {

    /** The role the application's connections run as in the tests (the default of waybill.tenancy.database-role). */
    private static final String APPLICATION_ROLE = "waybill_app";

    private TenantDatabase() {
    }

    /** This tenant's rows, as its own work sees them (a tenant bound on the thread still wins). */
    public static JdbcClient of(DataSource application, UUID tenant) {
        return JdbcClient.create(new TenantDataSource(owner(application), APPLICATION_ROLE, tenant));
    }

    /** The default tenant's rows: those of the shared admin and of the accounts the tests register without a slug. */
    public static JdbcClient ofDefaultTenant(DataSource application) {
        return of(application, TenantContext.DEFAULT);
    }

    /** Every tenant's rows, as the tables' owner: for what no one tenant sees (the catalogue, all tenants' counts). */
    public static JdbcClient asOwner(DataSource application) {
        return JdbcClient.create(owner(application));
    }

    private static DataSource owner(DataSource application) {
        if (application instanceof TenantDataSource tenants) {
            return tenants.owner();
        }
        throw new IllegalArgumentException("not the application's data source: " + application);
    }
}
