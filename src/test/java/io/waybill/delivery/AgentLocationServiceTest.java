package io.waybill.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.delivery.config.DeliveryProperties;
import io.waybill.eventing.DomainEvent;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import io.waybill.kernel.TooManyRequestsException;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service on an in-memory store: what is stored, when the move is announced, what is counted. */
class AgentLocationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryLocations store = new InMemoryLocations();
    private final List<DomainEvent> published = new ArrayList<>();
    private final CountingThrottle throttle = new CountingThrottle(3);
    private final AgentLocationService service = new AgentLocationService(store, published::add, throttle,
            Clock.fixed(NOW, ZoneOffset.UTC), new DeliveryProperties(new DeliveryProperties.Locations(
                    Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(30),
                    Duration.ofMinutes(15), 2, Duration.ofHours(24), 2)));
    private final Caller agent = new Caller(UUID.randomUUID(), Role.AGENT);

    @Test
    void shouldAnnounceOnlyABatchThatMovesTheLatestPositionForward() {
        service.report(agent, List.of(point(NOW.minusSeconds(60)), point(NOW.minusSeconds(10))));
        service.report(agent, List.of(point(NOW.minusSeconds(600))));

        assertThat(published).singleElement().isInstanceOfSatisfying(AgentLocationRecorded.class, event -> {
            assertThat(event.agentId()).isEqualTo(agent.userId());
            assertThat(event.recordedAt()).isEqualTo(NOW.minusSeconds(10));
            assertThat(event.key()).isEqualTo(agent.userId().toString());
        });
        assertThat(store.latest.get(agent.userId()).recordedAt()).isEqualTo(NOW.minusSeconds(10));
        assertThat(store.points.get(agent.userId())).hasSize(3);
    }

    @Test
    void shouldStoreNothingAndAnnounceNothingWhenEveryPointIsRefused() {
        LocationBatch batch = service.report(agent, List.of(point(NOW.minus(Duration.ofDays(2)))));

        assertThat(batch.refused()).hasSize(1);
        assertThat(store.points).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void shouldCountBatchesAgainstTheAgentsBudgetButNotOnesRefusedWhole() {
        assertThatThrownBy(() -> service.report(agent, List.of())).isInstanceOf(InvalidRequestException.class);
        for (int i = 0; i < 3; i++) {
            service.report(agent, List.of(point(NOW.minusSeconds(i))));
        }

        assertThatThrownBy(() -> service.report(agent, List.of(point(NOW))))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(throttle.taken).isEqualTo(4);
        assertThat(store.points.get(agent.userId())).hasSize(3);
    }

    @Test
    void shouldLetOnlyAgentsReport() {
        assertThatThrownBy(() -> service.report(new Caller(UUID.randomUUID(), Role.CUSTOMER), List.of(point(NOW))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.report(new Caller(UUID.randomUUID(), Role.ADMIN), List.of(point(NOW))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldAnswerATrailInPartsSayingWhereTheNextBegins() {
        service.report(agent, List.of(point(NOW.minusSeconds(30)), point(NOW.minusSeconds(20)),
                point(NOW.minusSeconds(10))));

        Trail first = service.trail(agent.userId(), NOW.minusSeconds(60), null);
        assertThat(first.points()).extracting(LocationPoint::recordedAt)
                .containsExactly(NOW.minusSeconds(30), NOW.minusSeconds(20));
        assertThat(first.nextFrom()).isEqualTo(NOW.minusSeconds(20).plusNanos(1000));
        Trail rest = service.trail(agent.userId(), first.nextFrom(), null);
        assertThat(rest.points()).extracting(LocationPoint::recordedAt).containsExactly(NOW.minusSeconds(10));
        assertThat(rest.nextFrom()).isNull();
    }

    @Test
    void shouldDeleteExpiredPointsInBatchesUntilNoneIsLeft() {
        UUID old = UUID.randomUUID();
        for (int day = 31; day <= 35; day++) {
            store.points.computeIfAbsent(old, id -> new ArrayList<>())
                    .add(new LocationPoint(1, 1, null, NOW.minus(Duration.ofDays(day))));
        }
        store.points.get(old).add(new LocationPoint(1, 1, null, NOW.minus(Duration.ofDays(29))));

        assertThat(service.deleteExpired(100)).isEqualTo(5);
        assertThat(store.deletions).as("batches of 2: 2, 2, 1").isEqualTo(3);
        assertThat(store.points.get(old)).hasSize(1);
    }

    private static ReportedPoint point(Instant at) {
        return new ReportedPoint(12.97, 77.59, 5.0, at);
    }

    private static final class InMemoryLocations implements AgentLocations {

        final Map<UUID, List<LocationPoint>> points = new HashMap<>();
        final Map<UUID, LocationPoint> latest = new HashMap<>();
        int deletions;

        @Override
        public void store(UUID agentId, List<LocationPoint> batch, Instant receivedAt) {
            List<LocationPoint> kept = points.computeIfAbsent(agentId, id -> new ArrayList<>());
            batch.stream().filter(point -> kept.stream().noneMatch(k -> k.recordedAt().equals(point.recordedAt())))
                    .forEach(kept::add);
        }

        @Override
        public boolean advanceLatest(UUID agentId, LocationPoint point, Instant receivedAt) {
            LocationPoint current = latest.get(agentId);
            if (current != null && !current.recordedAt().isBefore(point.recordedAt())) {
                return false;
            }
            latest.put(agentId, point);
            return true;
        }

        @Override
        public List<LocationPoint> trail(UUID agentId, Instant from, Instant to, int limit) {
            return points.getOrDefault(agentId, List.of()).stream()
                    .filter(point -> !point.recordedAt().isBefore(from) && point.recordedAt().isBefore(to))
                    .sorted(Comparator.comparing(LocationPoint::recordedAt)).limit(limit).toList();
        }

        @Override
        public Page<AgentPosition> latestSince(Instant since, PageQuery page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UUID> tenantsWithPointsBefore(Instant before) {
            // One tenant's points: the database's function answers across tenants (AgentLocationApiIT).
            return points.values().stream().flatMap(List::stream).anyMatch(point -> point.recordedAt().isBefore(before))
                    ? List.of(io.waybill.kernel.TenantContext.DEFAULT) : List.of();
        }

        @Override
        public int deleteTakenBefore(Instant before, int limit) {
            deletions++;
            int deleted = 0;
            for (List<LocationPoint> trail : points.values()) {
                Iterator<LocationPoint> each = trail.iterator();
                while (deleted < limit && each.hasNext()) {
                    if (each.next().recordedAt().isBefore(before)) {
                        each.remove();
                        deleted++;
                    }
                }
            }
            return deleted;
        }
    }

    private static final class CountingThrottle implements Throttle {

        final long budget;
        int taken;

        CountingThrottle(long budget) {
            this.budget = budget;
        }

        @Override
        public Quota take(RateLimit limit, String key, int units) {
            assertThat(limit).isEqualTo(RateLimit.LOCATIONS);
            assertThat(units).isEqualTo(1);
            taken++;
            return taken <= budget ? new Quota(true, budget, budget - taken, Duration.ZERO)
                    : new Quota(false, budget, 0, Duration.ofSeconds(30));
        }

        @Override
        public Quota take(RateLimit limit, String key, int units, long capacity) {
            return take(limit, key, units);
        }

        @Override
        public void giveBack(RateLimit limit, String key) {
        }

        @Override
        public long capacity(RateLimit limit) {
            return Long.MAX_VALUE;
        }

        @Override
        public void reset(RateLimit limit, String key) {
        }
    }
}
