package io.waybill.shipments.persistence;

import io.waybill.kernel.TenantSnapshots;
import io.waybill.shipments.ProofKind;
import io.waybill.shipments.TenantProofs;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code shipments.tenant_proofs}: one row per tenant, its tenant's own under row-level security.
 * Every status change asks for it: a tenant's choice is kept in memory and read again at most
 * {@link #FRESH_FOR} after another instance stored a change, at once after this one's.
 */
@Repository
class JdbcTenantProofs implements TenantProofs {

    /** How long a tenant's choice is used before it is read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TenantSnapshots<Optional<Set<ProofKind>>> choices;

    JdbcTenantProofs(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.choices = new TenantSnapshots<>(FRESH_FOR, this::read);
    }

    @Override
    public Optional<Set<ProofKind>> accepted() {
        return choices.current();
    }

    private Optional<Set<ProofKind>> read() {
        // The connection's tenant's row is the only one it sees.
        return jdbc.sql("""
                select array_to_string(accepted_proofs, ',') from shipments.tenant_proofs
                where accepted_proofs is not null""")
                .query(String.class).optional()
                .<Set<ProofKind>>map(names -> Arrays.stream(names.split(",")).map(ProofKind::fromWire)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProofKind.class))))
                .filter(kinds -> !kinds.isEmpty())
                .map(Collections::unmodifiableSet);
    }

    @Override
    public void store(Set<ProofKind> accepted, Instant asOf) {
        String names = accepted == null ? null
                : accepted.stream().map(ProofKind::wireName).sorted().collect(Collectors.joining(","));
        // tenant_id takes the connection's tenant; a late or replayed event never overwrites a newer choice.
        jdbc.sql("""
                insert into shipments.tenant_proofs (accepted_proofs, changed_at) values (string_to_array(?, ','), ?)
                on conflict (tenant_id) do update set accepted_proofs = excluded.accepted_proofs,
                    changed_at = excluded.changed_at
                where tenant_proofs.changed_at <= excluded.changed_at""")
                .params(names, Timestamp.from(asOf)).update();
        choices.invalidateCurrent();
    }
}
