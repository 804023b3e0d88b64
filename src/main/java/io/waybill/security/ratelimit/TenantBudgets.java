package io.waybill.security.ratelimit;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.Services;
import io.waybill.kernel.TenantContext;
import io.waybill.kernel.TenantSnapshots;
import io.waybill.security.RateLimit;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The budgets each tenant gave the limits its accounts and API keys spend from (issue 13): the
 * security module's copy ({@code security.tenant_rate_limits}) of identity's
 * {@code tenant.settings_changed} events, read by their published contract (topic and snake_case
 * fields). Every process throttles, so every service keeps a copy in a group of its own, as its
 * account copy does. A tenant's budgets are read when a throttle first needs them and used for
 * {@link #FRESH_FOR}, read again at once after a change this process stores.
 */
@Component
class TenantBudgets implements EventHandler {

    static final String TENANT_SETTINGS_CHANGED = "tenant.settings_changed";
    /** How long a tenant's budgets are used before they are read again (another process's change shows after this). */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final String group;
    private final TenantSnapshots<Map<String, Long>> budgets;

    TenantBudgets(JdbcClient jdbc, Services services) {
        this.jdbc = jdbc;
        this.group = services.perProcess("security-tenant-budgets");
        this.budgets = new TenantSnapshots<>(FRESH_FOR, this::read);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TENANT_SETTINGS_CHANGED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode limits = event.payload().get("rate_limits");
        // tenant_id takes the connection's tenant (the event's); a late or replayed event never
        // overwrites newer budgets.
        jdbc.sql("""
                insert into security.tenant_rate_limits (budgets, changed_at) values (?::jsonb, ?)
                on conflict (tenant_id) do update set budgets = excluded.budgets, changed_at = excluded.changed_at
                where tenant_rate_limits.changed_at <= excluded.changed_at""")
                .params(limits == null || limits.isNull() ? "{}" : limits.toString(),
                        Timestamp.from(Instant.parse(event.payload().get("occurred_at").asString())))
                .update();
        budgets.invalidate(event.tenantId());
    }

    /** The budget the running work's tenant gave this limit, if it is bound to one and gave one. */
    OptionalLong budget(RateLimit limit) {
        if (TenantContext.current().isEmpty()) {
            return OptionalLong.empty();
        }
        Long budget = budgets.current().get(limit.configName());
        return budget == null ? OptionalLong.empty() : OptionalLong.of(budget);
    }

    /** The running work's tenant's budgets by limit (its own row only, under row-level security). */
    private Map<String, Long> read() {
        Map<String, Long> read = new HashMap<>();
        jdbc.sql("""
                select l.key, l.value::bigint from security.tenant_rate_limits t, jsonb_each_text(t.budgets) l
                where t.tenant_id = ?""")
                .param(TenantContext.current().orElseThrow())
                .query(rs -> {
                    read.put(rs.getString(1), rs.getLong(2));
                });
        return Map.copyOf(read);
    }
}
