package io.waybill.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedbackTest {

    private static final Instant DELIVERED = Instant.parse("2026-05-01T10:00:00Z");

    private final Caller customer = new Caller(UUID.randomUUID(), Role.CUSTOMER);
    private final UUID agent = UUID.randomUUID();
    private final ShipmentCopy delivered = new ShipmentCopy(UUID.randomUUID(), customer.userId(), agent, "delivered",
            agent, DELIVERED);

    @Test
    void shouldRateTheDeliveringAgent() {
        Feedback feedback = Feedback.give(customer, delivered, 4, "  Friendly  ", DELIVERED.plusSeconds(60));

        assertThat(feedback.agentId()).isEqualTo(agent);
        assertThat(feedback.comment()).isEqualTo("Friendly");
        assertThat(feedback.event().rating()).isEqualTo(4);
        assertThat(feedback.event().agentId()).isEqualTo(agent);
    }

    @Test
    void shouldRefuseARatingBeforeDelivery() {
        ShipmentCopy inTransit = new ShipmentCopy(delivered.shipmentId(), customer.userId(), agent, "in_transit", null,
                null);

        assertThatThrownBy(() -> Feedback.give(customer, inTransit, 5, null, DELIVERED))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldRefuseStaffAndRatingsOutOfRange() {
        assertThatThrownBy(() -> Feedback.give(new Caller(agent, Role.AGENT), delivered, 5, null, DELIVERED))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Feedback.give(customer, delivered, 0, null, DELIVERED))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Feedback.give(customer, delivered, 6, null, DELIVERED))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Feedback.give(customer, delivered, null, null, DELIVERED))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldBeChangeableForSevenDaysFromTheFirstRating() {
        Feedback first = Feedback.give(customer, delivered, 2, "Late", DELIVERED);

        Feedback changed = first.change(customer, 4, null, DELIVERED.plus(Duration.ofDays(7)));
        assertThat(changed.rating()).isEqualTo(4);
        assertThat(changed.givenAt()).isEqualTo(DELIVERED);
        assertThat(changed.event().occurredAt()).isEqualTo(DELIVERED.plus(Duration.ofDays(7)));

        assertThatThrownBy(() -> changed.change(customer, 5, null, DELIVERED.plus(Duration.ofDays(7)).plusSeconds(1)))
                .isInstanceOf(ConflictException.class);
    }
}
