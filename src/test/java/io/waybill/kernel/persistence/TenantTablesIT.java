package io.waybill.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.TenantContext;
import io.waybill.support.ApiTest;
import io.waybill.support.TenantDatabase;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table belongs to a tenant (issue 13): read from PostgreSQL's catalogue, so a
 * table any module adds later is held to it too. And the application's connections run as a plain
 * role that row-level security holds, set to the tenant of the work.
 */
class TenantTablesIT extends ApiTest {

    private static final String APP_ROLE = "waybill_app";

    @Autowired
    private DataSource dataSource;

    private JdbcClient owner() {
        return TenantDatabase.asOwner(dataSource);
    }

    record TableState(String table, boolean rowSecurity, boolean forced, boolean tenantColumn, boolean policy) {

        String missing() {
            return table + " lacks" + (rowSecurity ? "" : " row-level security;") + (forced ? "" : " forced row-level security;")
                    + (tenantColumn ? "" : " a tenant_id uuid not null column;") + (policy ? "" : " a policy;");
        }

        boolean complete() {
            return rowSecurity && forced && tenantColumn && policy;
        }
    }

    @Test
    void shouldHoldEveryTableOfEverySchemaToItsTenant() {
        List<TableState> tables = owner().sql("""
                select n.nspname || '.' || c.relname as table_name, c.relrowsecurity, c.relforcerowsecurity,
                       exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                               and not a.attisdropped and a.attnotnull and a.atttypid = 'uuid'::regtype) as tenant_column,
                       exists (select from pg_policy p where p.polrelid = c.oid) as policy
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p')
                  and n.nspname not in ('pg_catalog', 'information_schema')
                  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
                  and c.relname <> 'flyway_schema_history'
                order by 1""")
                .query((rs, row) -> new TableState(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();

        assertThat(tables).extracting(TableState::table)
                .as("the catalogue shows the modules' tables")
                .contains("identity.tenants", "identity.users", "shipments.shipments", "eventing.outbox", "audit.events");
        assertThat(tables).filteredOn(table -> !table.complete()).extracting(TableState::missing)
                .as("tables that are not every tenant's own").isEmpty();
    }

    @Test
    void shouldGiveTheApplicationARoleThatNeitherOwnsNorBypasses() {
        assertThat(owner().sql("select rolsuper or rolbypassrls from pg_roles where rolname = ?").param(APP_ROLE)
                .query(Boolean.class).single()).as("superuser or BYPASSRLS").isFalse();
        assertThat(owner().sql("""
                select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ?""")
                .param(APP_ROLE).query(Integer.class).single()).as("relations the application's role owns").isZero();

        JdbcClient app = JdbcClient.create(dataSource);
        assertThat(app.sql("select current_user").query(String.class).single()).isEqualTo(APP_ROLE);
        assertThat(app.sql("select current_setting('app.tenant_id')").query(String.class).single())
                .as("work without a tenant is no tenant's (waybill.tenancy.fail-closed)").isEmpty();
    }

    @Test
    void shouldShowAConnectionOnlyItsTenantsRows() {
        JdbcClient app = JdbcClient.create(dataSource);
        UUID other = UUID.randomUUID();

        assertThat(app.sql("select count(*) from identity.users").query(Integer.class).single())
                .as("no tenant's connection").isZero();
        TenantContext.runAs(TenantContext.DEFAULT, () -> assertThat(app.sql("select count(*) from identity.users")
                .query(Integer.class).single()).as("the default tenant's accounts").isPositive());
        TenantContext.runAs(other, () -> {
            assertThat(app.sql("select current_setting('app.tenant_id')").query(String.class).single())
                    .isEqualTo(other.toString());
            assertThat(app.sql("select count(*) from identity.users").query(Integer.class).single())
                    .as("another tenant's connection sees none of them").isZero();
            assertThat(app.sql("select count(*) from identity.tenants").query(Integer.class).single()).isZero();
            assertThatThrownBy(() -> app.sql("""
                    insert into identity.tenants (id, slug, display_name, tenant_id) values (?, ?, 'Sneaky', ?)""")
                    .params(UUID.randomUUID(), "sneaky-" + other.toString().substring(0, 8), TenantContext.DEFAULT)
                    .update())
                    .as("a row written for another tenant").rootCause().message().contains("row-level security");
        });
        // The pool's connections were set back to the default tenant when checked out again.
        TenantContext.runAs(TenantContext.DEFAULT, () -> assertThat(app.sql(
                "select count(*) from identity.tenants where slug = 'default'").query(Integer.class).single()).isOne());
    }

    @Test
    void shouldLetATestReadOneTenantsRowsOrEveryTenantsAsTheOwner() {
        UUID other = UUID.randomUUID();

        assertThat(TenantDatabase.ofDefaultTenant(dataSource).sql("select count(*) from identity.users where email = ?")
                .param(ADMIN_EMAIL).query(Integer.class).single()).isOne();
        assertThat(TenantDatabase.of(dataSource, other).sql("select count(*) from identity.users")
                .query(Integer.class).single()).isZero();
        assertThat(TenantDatabase.asOwner(dataSource).sql("select count(distinct tenant_id) from identity.tenants")
                .query(Integer.class).single()).as("every tenant's row").isPositive();
    }

    @Test
    void shouldTellTheTenantOfAnAccountToAConnectionOfAnyTenantAndNothingElse() {
        JdbcClient app = JdbcClient.create(dataSource);
        UUID other = UUID.randomUUID();

        TenantContext.runAs(other, () -> {
            assertThat(app.sql("select count(*) from identity.users where email = ?").param(ADMIN_EMAIL)
                    .query(Integer.class).single()).as("the account itself stays hidden").isZero();
            assertThat(app.sql("select identity.tenant_of_email('default', ?)").param(ADMIN_EMAIL).query(UUID.class)
                    .single()).isEqualTo(TenantContext.DEFAULT);
            assertThat(app.sql("""
                    select count(*) from identity.tenant_of_email('default', 'nobody@nowhere.test') t where t is not null""")
                    .query(Integer.class).single()).as("an unknown email's tenant").isZero();
            assertThat(app.sql("select count(*) from identity.tenant_of_email('no-such-tenant', ?) t where t is not null")
                    .param(ADMIN_EMAIL).query(Integer.class).single()).as("the address in another tenant").isZero();
            assertThat(app.sql("select identity.tenant_of_slug('default')").query(UUID.class).single())
                    .isEqualTo(TenantContext.DEFAULT);
        });
    }

    @Test
    void shouldShowAConnectionWithoutATenantNothingWhenFailingClosed() {
        JdbcClient failClosed = JdbcClient.create(dataSource);

        assertThat(failClosed.sql("select count(*) from identity.users").query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> failClosed.sql("""
                insert into identity.tenants (id, slug, display_name) values (?, ?, 'Nobody')""")
                .params(UUID.randomUUID(), "nobody-" + UUID.randomUUID().toString().substring(0, 8)).update())
                .as("a row written without a tenant").rootCause().message()
                .containsAnyOf("row-level security", "tenant_id");
        assertThat(failClosed.sql("select current_user").query(String.class).single()).isEqualTo(APP_ROLE);
    }
}
