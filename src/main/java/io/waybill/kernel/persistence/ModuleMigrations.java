package io.waybill.kernel.persistence;

import io.waybill.kernel.Services;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Each module migrates its own schema, with its own Flyway history ({@code <module>.flyway_schema_history}):
 * the shared modules eventing, security and mail, and the business modules this process runs
 * ({@link Services}). Their scripts are in {@code db/migration/<module>/}, and every script touches
 * only its module's schema, so the services of a split deployment migrate independently, each in
 * its own database, and a process never creates the schema of a module it does not run.
 *
 * <p>Spring Boot's single Flyway bean is kept for its settings (data source, table name, the
 * {@code spring.flyway.*} properties) and its place in start-up (the data source's users are
 * created after it), but it is this strategy that migrates. Replicas starting together migrate
 * once: each module's Flyway holds PostgreSQL's advisory lock on its history table while it works.
 *
 * <p>A database migrated before the split has one history ({@code public.flyway_schema_history}, or
 * wherever {@code spring.flyway.*} put it) holding every module's versions; version numbers are
 * unique across the modules. A module without a history of its own whose versions appear there is
 * baselined at the highest of them, so nothing runs twice, and its newer scripts run as usual. The
 * legacy history is left as it was.
 */
@Component
class ModuleMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

    /** The shared modules that own tables, in the order they migrate (before the business modules). */
    static final List<String> SHARED_WITH_TABLES = List.of("eventing", "security", "mail");

    /** Where the modules' folders are; tests add a root of their own. */
    static final String ROOT = "classpath:db/migration";

    private final Services services;
    private final List<String> roots;

    @Autowired
    ModuleMigrations(Services services) {
        this(services, List.of(ROOT));
    }

    ModuleMigrations(Services services, List<String> roots) {
        this.services = services;
        this.roots = List.copyOf(roots);
    }

    /** The modules whose schemas this process migrates, in order. */
    List<String> modules() {
        List<String> modules = new ArrayList<>(SHARED_WITH_TABLES);
        modules.addAll(services.active());
        return modules;
    }

    @Override
    public void migrate(Flyway configured) {
        Configuration settings = configured.getConfiguration();
        Set<MigrationVersion> legacy = legacyVersions(settings);
        for (String module : modules()) {
            migrate(module, settings, legacy);
        }
    }

    private void migrate(String module, Configuration settings, Set<MigrationVersion> legacy) {
        Flyway flyway = flyway(module, settings).load();
        MigrationInfo[] known = flyway.info().all();
        if (known.length == 0) {
            // No scripts and no history: the module keeps no tables (yet); no empty schema for it.
            return;
        }
        if (!historyExists(settings.getDataSource(), module, settings.getTable())) {
            Optional<MigrationVersion> applied = Arrays.stream(known).map(MigrationInfo::getVersion)
                    .filter(Objects::nonNull).filter(legacy::contains).max(MigrationVersion::compareTo);
            if (applied.isPresent()) {
                log.info("Module {}: its migrations up to V{} are in the single history of before; baselining "
                        + "its own history there", module, applied.get());
                flyway(module, settings).baselineVersion(applied.get())
                        .baselineDescription("<< migrated by the single history >>").load().baseline();
            }
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Module {}: applied {} migration(s), now at V{}", module, result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
        enableTenancy(settings.getDataSource(), module);
        for (String schema : OTHER_SCHEMAS.getOrDefault(module, List.of())) {
            enableTenancy(settings.getDataSource(), schema);
        }
    }

    /** The schemas a module's scripts keep besides the one named after it. */
    private static final java.util.Map<String, List<String>> OTHER_SCHEMAS = java.util.Map.of("security", List.of("audit"));

    /**
     * Every table of the module's schema belongs to tenants (issue 13; eventing's V150 migration has
     * the function). The modules' own migrations apply it once; applying it again after each start's
     * migrations covers the tables a later migration adds without saying so, and changes nothing
     * where everything is in place.
     */
    private static void enableTenancy(DataSource dataSource, String module) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select eventing.enable_tenancy(n.nspname) from pg_namespace n
                        where n.nspname = ? and to_regprocedure('eventing.enable_tenancy(text)') is not null""")) {
            statement.setString(1, module);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot put the tables of " + module + " under row-level security", e);
        }
    }

    private FluentConfiguration flyway(String module, Configuration settings) {
        return Flyway.configure(settings.getClassLoader()).configuration(settings)
                .locations(roots.stream().map(root -> root + "/" + module).toArray(String[]::new))
                .schemas(module)
                .defaultSchema(module)
                .baselineOnMigrate(false)
                .createSchemas(true);
    }

    /** The versions the single, pre-split history holds as applied; none when there is no such table. */
    static Set<MigrationVersion> legacyVersions(Configuration settings) {
        Set<MigrationVersion> versions = new HashSet<>();
        try (Connection connection = settings.getDataSource().getConnection()) {
            String schema = settings.getDefaultSchema() != null ? settings.getDefaultSchema()
                    : settings.getSchemas().length > 0 ? settings.getSchemas()[0] : currentSchema(connection);
            if (schema == null || !tableExists(connection, schema, settings.getTable())) {
                return versions;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select version from " + quote(schema) + "."
                            + quote(settings.getTable()) + " where success and version is not null")) {
                while (rows.next()) {
                    versions.add(MigrationVersion.fromVersion(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema history of before the split", e);
        }
        return versions;
    }

    private static boolean historyExists(DataSource dataSource, String schema, String table) {
        try (Connection connection = dataSource.getConnection()) {
            return tableExists(connection, schema, table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for the schema history of " + schema, e);
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select 1 from information_schema.tables where table_schema = ? and table_name = ?""")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_schema()")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
