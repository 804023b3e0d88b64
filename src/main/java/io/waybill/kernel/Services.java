package io.waybill.kernel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which business modules this process runs: {@code waybill.services} (WAYBILL_SERVICES), a
 * comma-separated list of {@link #MODULES}, or {@code all} (the default). One artifact serves any
 * topology: the monolith runs all of them, a split deployment one (or a few) per process. A module
 * that does not run here has no beans at all in this process, so neither its endpoints nor its
 * consumer groups nor its scheduled jobs exist, and its database schema is not migrated. The
 * shared modules ({@link #SHARED}) always run.
 *
 * <p>Read from the environment before the application context is built (the component scan
 * depends on it), so it is not a {@code @ConfigurationProperties} record; it is a bean for the
 * modules that need to know.
 *
 * @param active the business modules that run here, in the order of {@link #MODULES}
 */
public record Services(List<String> active) {

    /** The setting, as a property; its environment variable is {@code WAYBILL_SERVICES}. */
    public static final String PROPERTY = "waybill.services";

    /** The business modules, each a service of its own in a split deployment. */
    public static final List<String> MODULES = List.of("identity", "shipments", "network", "tracking", "reporting",
            "notifications", "delivery", "care", "linehaul");

    /** The modules every process runs, whatever the setting says. */
    public static final List<String> SHARED = List.of("kernel", "eventing", "security", "mail");

    /**
     * The web pages call these modules' services in-process, so a process serves the pages only
     * when it runs all of them (the monolith, or a service that bundles them); elsewhere the {@code web}
     * module has no beans, like a business module that does not run.
     */
    public static final List<String> PAGES_NEED = List.of("identity", "shipments", "network", "tracking", "notifications");

    /** The module of the server-rendered pages. */
    public static final String WEB = "web";

    private static final String ALL = "all";

    public Services {
        active = MODULES.stream().filter(active::contains).toList();
    }

    /** The setting as the environment gives it (absent: all). */
    public static Services from(Environment environment) {
        List<String> names = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of(ALL));
        return parse(names);
    }

    /** The setting's entries, e.g. {@code ["identity", "shipments"]} or {@code ["all"]}. */
    public static Services parse(List<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw == null ? "" : raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals(ALL)) {
                chosen.addAll(MODULES);
            } else if (MODULES.contains(name)) {
                chosen.add(name);
            } else {
                throw invalid(PROPERTY + " (WAYBILL_SERVICES) names \"" + LogSafe.escape(name)
                        + "\", which is not a module Waybill can run; the modules are " + String.join(", ", MODULES)
                        + ".");
            }
        }
        if (chosen.isEmpty()) {
            throw invalid(PROPERTY + " (WAYBILL_SERVICES) is empty, so this process would run no module.");
        }
        return new Services(List.copyOf(chosen));
    }

    public static Services all() {
        return new Services(MODULES);
    }

    /** Whether every business module runs in this process (the monolith). */
    public boolean isAll() {
        return active.size() == MODULES.size();
    }

    /** Whether this module (business, shared, or the pages) runs in this process. */
    public boolean runs(String module) {
        if (WEB.equals(module)) {
            return active.containsAll(PAGES_NEED);
        }
        return SHARED.contains(module) || active.contains(module);
    }

    /**
     * The consumer group of a copy every process keeps for itself (accounts, budgets, senders): {@code base}
     * when one process runs every module, else {@code base} and this process's modules
     * ({@code security-accounts-identity-shipments}), so each service of a split deployment sees every event.
     */
    public String perProcess(String base) {
        return isAll() ? base : base + "-" + String.join("-", active);
    }

    /** The setting's value that gives this selection: {@code all}, or the modules separated by commas. */
    @Override
    public String toString() {
        return isAll() ? ALL : String.join(",", active);
    }

    private static InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(PROPERTY, problem, "Set WAYBILL_SERVICES to all (every module in one "
                + "process, the default), or to the modules this process runs, separated by commas, e.g. "
                + "identity,shipments. The modules are " + String.join(", ", MODULES) + ".");
    }
}
