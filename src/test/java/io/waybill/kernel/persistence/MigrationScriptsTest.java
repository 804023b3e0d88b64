package io.waybill.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migration scripts are laid out the way {@link ModuleMigrations} runs them: each in its
 * module's folder (a script anywhere else would never run), touching only that module's schemas
 * (so a service's database gets only its own), with a version no other module uses (the single
 * history of before holds them all, and the take-over reads it by version). One exception: a read
 * model's first script may copy another module's rows once, where both share a database (a single
 * process's database being upgraded), inside a block guarded by {@code to_regclass('schema.table')};
 * in a service's own database the guard finds nothing and the copy does not run. And every module's
 * script may call {@code eventing.enable_tenancy} (tenants, issue 13): eventing migrates first in
 * every database, so the function is there wherever the module's schema is.
 */
class MigrationScriptsTest {

    private static final Pattern SCRIPT = Pattern.compile("db/migration/(?:([a-z]+)/)?V(\\d+)__[^/]+\\.sql$");
    /** Schemas a module owns besides the one named after it. */
    private static final Map<String, Set<String>> MORE_SCHEMAS = Map.of("security", Set.of("audit"));
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b([a-z_]+)\\.[a-z_]+\\b");
    private static final Pattern GUARDED = Pattern.compile("to_regclass\\('([a-z_]+)\\.[a-z_]+'\\) is not null");

    @Test
    void shouldKeepEveryScriptInItsModulesFolderTouchingOnlyItsSchemasWithAVersionOfItsOwn() throws IOException {
        List<String> modules = new ArrayList<>(ModuleMigrations.SHARED_WITH_TABLES);
        modules.addAll(Services.MODULES);
        Set<String> schemas = new TreeSet<>(modules);
        MORE_SCHEMAS.values().forEach(schemas::addAll);
        schemas.add("public");

        Map<Integer, String> versions = new HashMap<>();
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql");
        assertThat(scripts).isNotEmpty();
        for (Resource resource : scripts) {
            String name = resource.getURL().toString();
            Matcher script = SCRIPT.matcher(name);
            assertThat(script.find()).as("%s is named V<version>__<description>.sql", name).isTrue();
            String module = script.group(1);
            assertThat(module).as("%s is in db/migration/<module>/ (a script elsewhere never runs)", name)
                    .isNotNull().isIn(modules);
            String earlier = versions.put(Integer.parseInt(script.group(2)), name);
            assertThat(earlier).as("version of %s also used by", name).isNull();

            Set<String> own = new TreeSet<>(MORE_SCHEMAS.getOrDefault(module, Set.of()));
            own.add(module);
            String sql = resource.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\n]*", "")
                    .replace("eventing.enable_tenancy(", "enable_tenancy(");
            Matcher guard = GUARDED.matcher(sql);
            while (guard.find()) {
                own.add(guard.group(1));
            }
            Matcher qualified = QUALIFIED_NAME.matcher(sql);
            while (qualified.find()) {
                if (schemas.contains(qualified.group(1))) {
                    assertThat(qualified.group(1)).as("schema named in %s", name).isIn(own);
                }
            }
        }
    }
}
