package io.waybill.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.Services;
import io.waybill.kernel.TenantContext;
import io.waybill.support.FreshDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each module migrates with its own history: replicas starting together on an empty database
 * migrate once, and a database migrated the old way (one history for every module) is taken over
 * without running anything twice.
 */
class ModuleMigrationsIT {

    private static final int REPLICAS = 3;
    private static final Pattern SCRIPT = Pattern.compile("db/migration/([a-z]+)/V(\\d+)__[^/]+\\.sql$");

    @Test
    void shouldMigrateEachModuleOnceWhenThreeReplicasStartTogether() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("migrations_fresh")) {
            DataSource dataSource = database.dataSource();

            startTogether(() -> new ModuleMigrations(Services.all()).migrate(bootFlyway(dataSource)));

            JdbcClient jdbc = JdbcClient.create(dataSource);
            Map<String, TreeSet<Integer>> scripts = scriptsByModule();
            assertThat(scripts).containsKeys("eventing", "security", "mail", "identity", "shipments", "network",
                    "reporting", "notifications", "delivery", "care", "linehaul");
            scripts.forEach((module, versions) -> {
                List<Integer> applied = jdbc.sql("select version::int from " + module + ".flyway_schema_history "
                        + "where type = 'SQL' and success order by version::int").query(Integer.class).list();
                assertThat(applied).as("migrations applied in %s, each once", module)
                        .containsExactlyElementsOf(versions);
            });
            assertThat(jdbc.sql("select count(*) from eventing.relay_state").query(Integer.class).single())
                    .as("V4 ran once").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public' "
                    + "and table_name = 'flyway_schema_history'").query(Integer.class).single())
                    .as("no single history any more").isZero();
        }
    }

    @Test
    void shouldTakeOverADatabaseMigratedWithTheSingleHistory() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("migrations_legacy")) {
            DataSource dataSource = database.dataSource();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            // Before the split: one Flyway, every script, public.flyway_schema_history.
            int legacyApplied = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                    .migrate().migrationsExecuted;
            Map<String, TreeSet<Integer>> scripts = scriptsByModule();
            assertThat(legacyApplied).isEqualTo(scripts.values().stream().mapToInt(TreeSet::size).sum());
            UUID user = UUID.randomUUID();
            // Every script ran, tenants' too: a row names its tenant (no connection here is set to one).
            jdbc.sql("insert into identity.users (id, email, password_hash, role, created_at, tenant_id) "
                    + "values (?, 'before@split.test', 'x', 'customer', now(), ?)").params(user, TenantContext.DEFAULT)
                    .update();

            startTogether(() -> new ModuleMigrations(Services.all(),
                    List.of(ModuleMigrations.ROOT, "classpath:db/upgrade-probe")).migrate(bootFlyway(dataSource)));

            assertThat(jdbc.sql("select email from identity.users where id = ?").param(user).query(String.class)
                    .single()).isEqualTo("before@split.test");
            scripts.forEach((module, versions) -> {
                assertThat(jdbc.sql("select version::int from " + module + ".flyway_schema_history "
                        + "where type = 'BASELINE'").query(Integer.class).list())
                        .as("%s baselined once, at its newest script of before", module)
                        .containsExactly(versions.last());
                List<Integer> ran = jdbc.sql("select version::int from " + module + ".flyway_schema_history "
                        + "where type = 'SQL' order by version::int").query(Integer.class).list();
                assertThat(ran).as("scripts run again in %s", module)
                        .isEqualTo(module.equals("identity") ? List.of(9001) : List.of());
            });
            assertThat(jdbc.sql("select count(*) from identity.upgrade_probe").query(Integer.class).single())
                    .as("the newer identity script ran once").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from public.flyway_schema_history where success")
                    .query(Integer.class).single()).as("the single history is left as it was").isEqualTo(legacyApplied);
        }
    }

    /** Spring Boot's Flyway bean as the application configures it: settings only, it never migrates. */
    private static Flyway bootFlyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    /** Runs the task on {@link #REPLICAS} threads released at the same instant; fails if any of them fails. */
    private static void startTogether(Runnable task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(REPLICAS);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                runs.add(replicas.submit((Callable<Void>) () -> {
                    start.await(10, TimeUnit.SECONDS);
                    task.run();
                    return null;
                }));
            }
            for (Future<Void> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    /** The scripts shipped under db/migration/<module>/, by module. */
    private static Map<String, TreeSet<Integer>> scriptsByModule() throws IOException {
        Map<String, TreeSet<Integer>> byModule = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")) {
            Matcher script = SCRIPT.matcher(resource.getURL().toString());
            assertThat(script.find()).as("%s is in a module's folder", resource).isTrue();
            byModule.computeIfAbsent(script.group(1), module -> new TreeSet<>()).add(Integer.parseInt(script.group(2)));
        }
        return byModule;
    }
}
