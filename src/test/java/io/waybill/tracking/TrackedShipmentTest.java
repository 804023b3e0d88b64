package io.waybill.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.Caller;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackedShipmentTest {

    private static final Instant BOOKED = Instant.parse("2026-11-23T10:00:00Z");
    private final UUID customer = UUID.randomUUID();
    private final UUID agent = UUID.randomUUID();

    @Test
    void shouldShowTheHistoryOnlyUpToItsFirstGap() {
        List<TrackedShipment.Entry> stored = List.of(entry(0, "created", null), entry(1, "picked_up", "Chennai"),
                entry(3, "out_for_delivery", "Salem"));

        assertThat(TrackedShipment.unbroken(stored)).extracting(TrackedShipment.Entry::sequence).containsExactly(0, 1);
        assertThat(TrackedShipment.unbroken(stored.subList(1, 3))).as("nothing before the booking").isEmpty();
        assertThatThrownBy(() -> shipment(stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDeriveThePublicPageFromTheHistory() {
        TrackedShipment shipment = shipment(List.of(entry(0, "created", null), entry(1, "picked_up", "Chennai"),
                entry(2, "in_transit", "Salem"), entry(3, "cancelled", null)));

        PublicTracking page = shipment.toPublic();

        assertThat(page.status()).isEqualTo("cancelled");
        assertThat(page.currentLocation()).as("the latest entry with a location").isEqualTo("Salem");
        assertThat(page.updatedAt()).isEqualTo(BOOKED.plusSeconds(3));
        assertThat(page.events()).extracting(PublicTracking.Event::status)
                .containsExactly("created", "picked_up", "in_transit", "cancelled");
        assertThat(shipment.toDocument().sequence()).isEqualTo(3);
        assertThat(shipment.asLiveUpdates()).extracting(LiveUpdate::previousStatus)
                .containsExactly(null, "created", "picked_up", "in_transit");
    }

    @Test
    void shouldBeVisibleToItsCustomerItsAgentAndAdminsOnly() {
        TrackedShipment shipment = shipment(List.of(entry(0, "created", null)));

        assertThat(shipment.isVisibleTo(new Caller(customer, Role.CUSTOMER))).isTrue();
        assertThat(shipment.isVisibleTo(new Caller(agent, Role.AGENT))).isTrue();
        assertThat(shipment.isVisibleTo(new Caller(UUID.randomUUID(), Role.ADMIN))).isTrue();
        assertThat(shipment.isVisibleTo(new Caller(UUID.randomUUID(), Role.CUSTOMER))).isFalse();
        assertThat(shipment.isVisibleTo(new Caller(UUID.randomUUID(), Role.AGENT))).isFalse();
    }

    private TrackedShipment shipment(List<TrackedShipment.Entry> history) {
        return new TrackedShipment(UUID.randomUUID(), "TRK48213095572", customer, agent, history);
    }

    private static TrackedShipment.Entry entry(int sequence, String status, String location) {
        return new TrackedShipment.Entry(sequence, status, location, BOOKED.plusSeconds(sequence));
    }
}
