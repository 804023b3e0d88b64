package io.waybill.kernel;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The tenant the running work belongs to, for the thread doing it: a request (set once the token,
 * API key or page session says whose it is, cleared when the request ends), an event being handled
 * (the event's tenant) or a worker's batch (the tenant whose rows it claims). Every database
 * connection the work checks out is set to this tenant (kernel.persistence.TenantDataSource), and
 * row-level security keeps the connection to that tenant's rows, so a query that forgets a filter
 * still cannot cross tenants. Request threads are virtual threads of their own; background threads
 * bind a tenant only around the work of one tenant ({@link #callAs}, {@link #runAs}).
 */
public final class TenantContext {

    /** The tenant every row of before tenants belongs to, and the embedded default's only tenant. */
    public static final UUID DEFAULT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant, or the default tenant for work that has none (events written before tenants). */
    public static UUID currentOrDefault() {
        UUID tenant = CURRENT.get();
        return tenant != null ? tenant : DEFAULT;
    }

    /** Binds the tenant for the rest of this thread's request; {@link #clear()} ends it. */
    public static void set(UUID tenant) {
        CURRENT.set(tenant);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs the work as the tenant's, then restores whatever the thread was bound to. */
    public static void runAs(UUID tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAs(UUID tenant, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** As {@link #callAs(UUID, Supplier)}, for work that throws checked exceptions. */
    public static <T> T callChecked(UUID tenant, Callable<T> work) throws Exception {
        UUID previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
