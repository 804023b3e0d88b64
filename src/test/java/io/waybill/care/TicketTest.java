package io.waybill.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.eventing.DomainEvent;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {

    private static final Instant OPENED = Instant.parse("2026-05-01T10:00:00Z");

    private final Caller customer = new Caller(UUID.randomUUID(), Role.CUSTOMER);
    private final Caller agent = new Caller(UUID.randomUUID(), Role.AGENT);
    private final Caller otherAgent = new Caller(UUID.randomUUID(), Role.AGENT);
    private final Caller admin = new Caller(UUID.randomUUID(), Role.ADMIN);
    private final ShipmentCopy shipment = new ShipmentCopy(UUID.randomUUID(), customer.userId(), agent.userId(),
            "in_transit", null, null);

    private Ticket opened() {
        return Ticket.open(UUID.randomUUID(), customer, shipment, TicketCategory.DELAY, " Where is it? ", OPENED)
                .ticket();
    }

    @Test
    void shouldOpenWithTheFirstMessageAndAnnounceIt() {
        Ticket.Opened opened = Ticket.open(UUID.randomUUID(), customer, shipment, TicketCategory.DAMAGE,
                "The box is crushed", OPENED);

        assertThat(opened.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(opened.ticket().messages()).singleElement().satisfies(message -> {
            assertThat(message.side()).isEqualTo(TicketMessage.Side.REQUESTER);
            assertThat(message.body()).isEqualTo("The box is crushed");
        });
        assertThat(opened.event().shipmentId()).isEqualTo(shipment.shipmentId());
        assertThat(opened.event().category()).isEqualTo("damage");
    }

    @Test
    void shouldRefuseABlankOrTooLongMessage() {
        assertThatThrownBy(() -> Ticket.open(UUID.randomUUID(), customer, null, TicketCategory.OTHER, "  ", OPENED))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> opened().reply(customer, shipment, "x".repeat(Ticket.MAX_MESSAGE + 1), OPENED))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldShowTheTicketToItsRequesterAdminsAndTheAssignedAgentOnly() {
        Ticket ticket = opened();

        assertThat(ticket.isVisibleTo(customer, shipment)).isTrue();
        assertThat(ticket.isVisibleTo(admin, shipment)).isTrue();
        assertThat(ticket.isVisibleTo(agent, shipment)).isTrue();
        assertThat(ticket.isVisibleTo(otherAgent, shipment)).isFalse();
        assertThat(ticket.isVisibleTo(new Caller(UUID.randomUUID(), Role.CUSTOMER), shipment)).isFalse();
        // Reassigned: the agent of before no longer answers for it.
        ShipmentCopy reassigned = new ShipmentCopy(shipment.shipmentId(), customer.userId(), otherAgent.userId(),
                "in_transit", null, null);
        assertThat(ticket.isVisibleTo(agent, reassigned)).isFalse();
        assertThat(ticket.isVisibleTo(otherAgent, reassigned)).isTrue();
    }

    @Test
    void shouldTakeAnOpenTicketInHandOnStaffsFirstReplyAndTellTheRequester() {
        Ticket ticket = opened();

        List<DomainEvent> events = ticket.reply(agent, shipment, "On its way", OPENED.plusSeconds(3600));

        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.firstResponseAt()).isEqualTo(OPENED.plusSeconds(3600));
        assertThat(events).hasSize(2);
        TicketReplied replied = (TicketReplied) events.get(0);
        assertThat(replied.side()).isEqualTo("staff");
        assertThat(replied.firstResponse()).isTrue();
        assertThat(replied.notifyUserId()).isEqualTo(customer.userId());
        assertThat(((TicketStatusChanged) events.get(1)).status()).isEqualTo("in_progress");
    }

    @Test
    void shouldSendTheRequestersReplyToWhoeverAnsweredLast() {
        Ticket ticket = opened();
        TicketReplied beforeAnyAnswer = (TicketReplied) ticket.reply(customer, shipment, "Hello?", OPENED).get(0);
        ticket.reply(admin, shipment, "Looking", OPENED.plusSeconds(60));
        TicketReplied second = (TicketReplied) ticket.reply(agent, shipment, "Tomorrow", OPENED.plusSeconds(120))
                .get(0);
        TicketReplied back = (TicketReplied) ticket.reply(customer, shipment, "Thanks", OPENED.plusSeconds(180))
                .get(0);

        assertThat(beforeAnyAnswer.notifyUserId()).isNull();
        assertThat(second.firstResponse()).isFalse();
        assertThat(ticket.firstResponseAt()).isEqualTo(OPENED.plusSeconds(60));
        assertThat(back.side()).isEqualTo("requester");
        assertThat(back.notifyUserId()).isEqualTo(agent.userId());
        assertThat(ticket.messages()).extracting(TicketMessage::number).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldReopenAResolvedTicketWhenTheRequesterReplies() {
        Ticket ticket = opened();
        ticket.changeStatus(admin, shipment, TicketStatus.RESOLVED, OPENED);

        List<DomainEvent> events = ticket.reply(customer, shipment, "Still not here", OPENED.plusSeconds(5));

        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(events).last().isInstanceOf(TicketStatusChanged.class);
    }

    @Test
    void shouldRefuseRepliesOnAClosedTicket() {
        Ticket ticket = opened();
        ticket.changeStatus(customer, shipment, TicketStatus.CLOSED, OPENED);

        assertThatThrownBy(() -> ticket.reply(admin, shipment, "Late answer", OPENED))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldMoveOnlyAlongTheTransitions() {
        Ticket ticket = opened();
        TicketStatusChanged changed = ticket.changeStatus(admin, shipment, TicketStatus.IN_PROGRESS, OPENED);
        assertThat(changed.previousStatus()).isEqualTo("open");

        assertThatThrownBy(() -> ticket.changeStatus(admin, shipment, TicketStatus.OPEN, OPENED))
                .isInstanceOf(ConflictException.class).hasMessageContaining("in_progress to open");
        ticket.changeStatus(agent, shipment, TicketStatus.CLOSED, OPENED);
        assertThatThrownBy(() -> ticket.changeStatus(admin, shipment, TicketStatus.IN_PROGRESS, OPENED))
                .isInstanceOf(ConflictException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldLetTheRequesterOnlyCloseOrReopenAResolvedTicket() {
        Ticket ticket = opened();

        assertThatThrownBy(() -> ticket.changeStatus(customer, shipment, TicketStatus.RESOLVED, OPENED))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ticket.changeStatus(customer, shipment, TicketStatus.IN_PROGRESS, OPENED))
                .isInstanceOf(ForbiddenException.class);
        ticket.changeStatus(admin, shipment, TicketStatus.RESOLVED, OPENED);
        ticket.changeStatus(customer, shipment, TicketStatus.OPEN, OPENED);
        ticket.changeStatus(customer, shipment, TicketStatus.CLOSED, OPENED);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void shouldTreatAnAgentWhoOpenedATicketAsItsRequester() {
        Ticket ticket = Ticket.open(UUID.randomUUID(), agent, shipment, TicketCategory.PAYMENT, "COD short",
                OPENED).ticket();

        assertThat(ticket.isStaff(agent, shipment)).isFalse();
        assertThatThrownBy(() -> ticket.changeStatus(agent, shipment, TicketStatus.RESOLVED, OPENED))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldNameTheCategoriesAndStatusesOnTheWire() {
        assertThat(TicketCategory.fromWire("lost")).contains(TicketCategory.LOST);
        assertThat(TicketCategory.fromWire("LOST")).isEmpty();
        assertThatThrownBy(() -> TicketCategory.parse("category", "late")).isInstanceOf(InvalidRequestException.class);
        assertThat(TicketStatus.fromWire("in_progress")).contains(TicketStatus.IN_PROGRESS);
        assertThat(TicketStatus.CLOSED.next()).isEmpty();
    }
}
