package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.security.AccountLookup;
import io.waybill.kernel.Caller;
import io.waybill.eventing.DomainEvent;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PageQuery;
import io.waybill.security.RateLimit;
import io.waybill.kernel.Role;
import io.waybill.security.Throttle;
import io.waybill.shipments.config.ShipmentsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The application service's scenarios without Spring or a database: an in-memory repository, the
 * events it publishes collected in a list, accounts in a map. The same journey the HTTP tests walk,
 * at the speed of a unit test.
 */
class ShipmentServiceScenarioTest {

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final List<DomainEvent> published = new ArrayList<>();
    private final Map<UUID, Role> accounts = new HashMap<>();
    private final AccountLookup lookup = new AccountLookup() {
        @Override
        public Optional<ActiveAccount> active(UUID id) {
            return Optional.ofNullable(accounts.get(id)).map(role -> new ActiveAccount(role, null));
        }

        @Override
        public Optional<ActiveAccount> activeForToken(UUID id, Role claimedRole) {
            return active(id);
        }
    };
    private final InMemoryNetworkCopy network = new InMemoryNetworkCopy();
    private final InMemoryProofImageStore images = new InMemoryProofImageStore();
    private final Map<UUID, AgentLocation> agentLocations = new HashMap<>();
    private final AgentLocations locationCopy = new AgentLocations() {
        @Override
        public Optional<AgentLocation> latest(UUID agentId) {
            return Optional.ofNullable(agentLocations.get(agentId));
        }

        @Override
        public void record(UUID agentId, AgentLocation location) {
            agentLocations.merge(agentId, location,
                    (kept, given) -> given.recordedAt().isAfter(kept.recordedAt()) ? given : kept);
        }
    };
    /** The tenant's own choice of proofs, as its settings' event left it (none: the deployment's). */
    private final TenantProofs tenantProofs = new TenantProofs() {
        private Set<ProofKind> accepted;

        @Override
        public Optional<Set<ProofKind>> accepted() {
            return Optional.ofNullable(accepted);
        }

        @Override
        public void store(Set<ProofKind> accepted, Instant asOf) {
            this.accepted = accepted;
        }
    };
    private final ShipmentService service = new ShipmentService(repository, locationCopy, lookup, published::add,
            new Unlimited(), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), network,
            new ShipmentsProperties("UTC", new ShipmentsProperties.Eta(5, 2)), DeliveryPolicy.DEFAULT, tenantProofs,
            images, TransactionOperations.withoutTransaction());

    private final Caller customer = account(Role.CUSTOMER);
    private final Caller otherCustomer = account(Role.CUSTOMER);
    private final Caller agent = account(Role.AGENT);
    private final Caller otherAgent = account(Role.AGENT);
    private final Caller admin = account(Role.ADMIN);

    @Test
    void shouldShowTheAgentsLocationOnlyWhileOutForDeliveryAndOnlyToThoseWhoSeeTheShipment() {
        ShipmentView booked = service.book(customer, null, details());
        String id = booked.id().toString();
        service.assignAgent(admin, id, agent.userId());
        AgentLocation seen = new AgentLocation(12.97, 77.59, 8.0, Instant.parse("2026-11-23T09:59:00Z"));
        locationCopy.record(agent.userId(), seen);
        service.changeStatus(agent, id, ShipmentStatus.PICKED_UP, "Chennai", null);
        service.changeStatus(agent, id, ShipmentStatus.IN_TRANSIT, "Salem", null);

        assertThat(service.get(customer, id).agentLocation()).as("in transit").isNull();

        service.changeStatus(agent, id, ShipmentStatus.OUT_FOR_DELIVERY, "Bangalore", null);
        assertThat(service.get(customer, id).agentLocation()).isEqualTo(seen);
        assertThat(service.get(agent, id).agentLocation()).isEqualTo(seen);
        assertThat(service.get(admin, id).agentLocation()).isEqualTo(seen);
        assertThatThrownBy(() -> service.get(otherCustomer, id)).isInstanceOf(NotFoundException.class);

        String code = published.stream().filter(DeliveryCodeIssued.class::isInstance).map(DeliveryCodeIssued.class::cast)
                .findFirst().orElseThrow().code();
        service.deliver(agent, id, new ShipmentService.ProofSubmission(ProofKind.OTP, code, null, "Ravi Kumar",
                "Bangalore", null, null));
        assertThat(service.get(customer, id).agentLocation()).as("delivered").isNull();
        assertThat(service.get(admin, id).agentLocation()).as("delivered, for an admin too").isNull();
    }

    @Test
    void shouldWalkAShipmentFromBookingToDeliveryAnnouncingEachStep() {
        ShipmentView booked = service.book(customer, null, details());
        String id = booked.id().toString();
        service.assignAgent(admin, id, agent.userId());
        for (ShipmentStatus next : List.of(ShipmentStatus.PICKED_UP, ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.OUT_FOR_DELIVERY)) {
            service.changeStatus(agent, id, next, "Bangalore", null);
        }
        String code = published.stream().filter(DeliveryCodeIssued.class::isInstance).map(DeliveryCodeIssued.class::cast)
                .findFirst().orElseThrow().code();
        service.deliver(agent, id, new ShipmentService.ProofSubmission(ProofKind.OTP, code, null, "Ravi Kumar",
                "Bangalore", null, null));

        assertThat(service.get(customer, booked.trackingNumber().value()).status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(service.history(customer, id)).extracting(TrackingUpdate::status).containsExactly(
                ShipmentStatus.CREATED, ShipmentStatus.PICKED_UP, ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERED);
        assertThat(published).extracting(DomainEvent::topic).containsExactly(ShipmentBooked.TOPIC,
                AgentAssigned.TOPIC, ShipmentStatusChanged.TOPIC, ShipmentStatusChanged.TOPIC,
                ShipmentStatusChanged.TOPIC, DeliveryCodeIssued.TOPIC, ShipmentStatusChanged.TOPIC,
                ShipmentDelivered.TOPIC, ProofOfDeliveryRecorded.TOPIC);
        assertThat(published).allSatisfy(event -> assertThat(event.key()).isEqualTo(id));
    }

    @Test
    void shouldBookUnderAnotherTrackingNumberWhenTheOneDrawnIsTaken() {
        // Two services drawing from the same seed draw the same first number: the second finds it taken.
        ShipmentView first = sameDraws(42).book(customer, null, details());
        ShipmentView second = sameDraws(42).book(otherCustomer, null, details());

        assertThat(second.trackingNumber()).isNotEqualTo(first.trackingNumber());
        assertThat(service.get(customer, first.trackingNumber().value()).id()).isEqualTo(first.id());
        assertThat(service.get(otherCustomer, second.trackingNumber().value()).id()).isEqualTo(second.id());
        assertThat(published).extracting(DomainEvent::topic).containsExactly(ShipmentBooked.TOPIC, ShipmentBooked.TOPIC);
        assertThat(published).extracting(DomainEvent::key)
                .containsExactly(first.id().toString(), second.id().toString());
    }

    private ShipmentService sameDraws(long seed) {
        return new ShipmentService(repository, locationCopy, lookup, published::add, new Unlimited(),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), network,
                new ShipmentsProperties("UTC", new ShipmentsProperties.Eta(5, 2)), DeliveryPolicy.DEFAULT, tenantProofs,
                images, TransactionOperations.withoutTransaction(), new Random(seed));
    }

    @Test
    void shouldDeliverOnlyOnTheProofsTheTenantAcceptsWhenItChoseThem() {
        tenantProofs.store(Set.of(ProofKind.SIGNATURE, ProofKind.PHOTO), Instant.parse("2026-11-23T09:00:00Z"));
        ShipmentView booked = service.book(customer, null, details());
        String id = booked.id().toString();
        service.assignAgent(admin, id, agent.userId());
        for (ShipmentStatus next : List.of(ShipmentStatus.PICKED_UP, ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.OUT_FOR_DELIVERY)) {
            service.changeStatus(agent, id, next, "Bangalore", null);
        }

        assertThat(published).as("no one-time code where the tenant takes none").noneMatch(
                DeliveryCodeIssued.class::isInstance);
        assertThatThrownBy(() -> service.deliver(agent, id, new ShipmentService.ProofSubmission(ProofKind.OTP,
                "123456", null, "Ravi Kumar", "Bangalore", null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("kind");
                    assertThat(refused.getMessage()).endsWith("only: signature, photo");
                });
        assertThat(service.get(customer, id).status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
    }

    @Test
    void shouldHideAShipmentFromThoseWhoMayNotSeeItAsIfItDidNotExist() {
        String id = service.book(customer, null, details()).id().toString();
        service.assignAgent(admin, id, agent.userId());
        int before = published.size();

        assertThatThrownBy(() -> service.get(otherCustomer, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.changeStatus(otherAgent, id, ShipmentStatus.PICKED_UP, "Chennai", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.changeStatus(otherAgent, UUID.randomUUID().toString(),
                ShipmentStatus.PICKED_UP, "Chennai", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.changeStatus(customer, id, ShipmentStatus.PICKED_UP, "Chennai", null))
                .as("its own customer sees it, but may not move it").isInstanceOf(ForbiddenException.class);
        assertThat(published).hasSize(before);
        assertThat(service.get(customer, id).status()).isEqualTo(ShipmentStatus.CREATED);
    }

    @Test
    void shouldRefuseToAssignAnyoneButAnActiveAgent() {
        String id = service.book(customer, null, details()).id().toString();

        assertThatThrownBy(() -> service.assignAgent(admin, id, otherCustomer.userId()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.assignAgent(admin, id, UUID.randomUUID()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(service.get(admin, id).agentId()).isNull();
    }

    @Test
    void shouldListToEachCallerOnlyWhatTheyMaySee() {
        String mine = service.book(customer, null, details()).id().toString();
        service.book(otherCustomer, null, details());
        service.assignAgent(admin, mine, agent.userId());

        assertThat(service.list(customer, null, PageQuery.of(0, 20)).items()).extracting(v -> v.id().toString())
                .containsExactly(mine);
        assertThat(service.list(agent, null, PageQuery.of(0, 20)).items()).extracting(v -> v.id().toString())
                .containsExactly(mine);
        assertThat(service.list(otherAgent, null, PageQuery.of(0, 20)).items()).isEmpty();
        assertThat(service.list(admin, null, PageQuery.of(0, 20)).total()).isEqualTo(2);
    }

    @Test
    void shouldLetAnAdminBookOnlyForAnActiveCustomer() {
        assertThat(service.book(admin, customer.userId(), details()).customerId()).isEqualTo(customer.userId());
        assertThatThrownBy(() -> service.book(admin, agent.userId(), details()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.book(customer, otherCustomer.userId(), details()))
                .isInstanceOf(ForbiddenException.class);
    }

    private Caller account(Role role) {
        Caller caller = new Caller(UUID.randomUUID(), role);
        accounts.put(caller.userId(), role);
        return caller;
    }

    private static ShipmentDetails details() {
        return new ShipmentDetails("12 Anna Salai, Chennai", "MG Road, Bangalore", "Ravi", "+919800000000",
                null, null);
    }

    /** A throttle that never refuses: the limits are tested where they are kept. */
    private static final class Unlimited implements Throttle {

        @Override
        public Quota take(RateLimit limit, String key, int units) {
            return new Quota(true, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO);
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
