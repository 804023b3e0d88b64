package io.waybill.shipments;

import static io.waybill.shipments.ShipmentStatus.CANCELLED;
import static io.waybill.shipments.ShipmentStatus.CREATED;
import static io.waybill.shipments.ShipmentStatus.DELIVERED;
import static io.waybill.shipments.ShipmentStatus.DELIVERY_FAILED;
import static io.waybill.shipments.ShipmentStatus.IN_TRANSIT;
import static io.waybill.shipments.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.shipments.ShipmentStatus.PICKED_UP;
import static io.waybill.shipments.ShipmentStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentTest {

    private static final TrackingNumber NUMBER = new TrackingNumber("TRK79927398713");
    private static final Instant BOOKED_AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant LATER = BOOKED_AT.plus(Duration.ofHours(2));
    private static final Instant EVEN_LATER = BOOKED_AT.plus(Duration.ofHours(5));

    private final UUID customer = UUID.randomUUID();
    private final UUID otherCustomer = UUID.randomUUID();
    private final UUID agent = UUID.randomUUID();
    private final UUID otherAgent = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();

    private static ShipmentDetails details() {
        return new ShipmentDetails("12 Anna Salai, Chennai 600002", "5 MG Road, Bengaluru 560001", "Asha Rao",
                "+919840000000", new BigDecimal("2.5"), "Books");
    }

    private Shipment booked() {
        return Shipment.book(NUMBER, customer, details(), customer, BOOKED_AT).shipment();
    }

    /** A stored shipment in the given status, its history loaded, nothing unsaved. */
    private Shipment stored(ShipmentStatus status) {
        List<TrackingUpdate> history = status == CREATED
                ? List.of(entry(CREATED, null))
                : List.of(entry(CREATED, null), entry(status, "Chennai hub"));
        return Shipment.restore(UUID.randomUUID(), NUMBER, customer, details(), status, agent, null, BOOKED_AT,
                BOOKED_AT, history);
    }

    /** A move as the API makes it: a delivery with a signature, a failure with a reason, anything else as is. */
    private List<ShipmentEvent> moveOn(Shipment shipment, ShipmentStatus to, String location, String note,
            Instant at) {
        return switch (to) {
            case DELIVERED -> shipment.deliver(new DeliveryProof(ProofKind.SIGNATURE, null, List.of("signature"),
                    "Asha Rao", null, null), location, DeliveryPolicy.DEFAULT, agent, at);
            case DELIVERY_FAILED -> shipment.failDelivery(FailureReason.RECIPIENT_ABSENT, location, note,
                    DeliveryPolicy.DEFAULT, agent, at);
            default -> shipment.changeStatus(to, location, note, agent, at);
        };
    }

    private TrackingUpdate entry(ShipmentStatus status, String location) {
        return new TrackingUpdate(UUID.randomUUID(), status, location, null, agent, BOOKED_AT);
    }

    static Stream<Arguments> everyPairOfStatuses() {
        return Arrays.stream(ShipmentStatus.values())
                .flatMap(from -> Arrays.stream(ShipmentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    private static Caller caller(UUID id, Role role) {
        return new Caller(id, role);
    }

    // --- booking ---

    @Test
    void shouldStartAsCreatedWithTheBookingAsItsOnlyHistoryEntry() {
        Shipment shipment = booked();

        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.id()).isNotNull();
        assertThat(shipment.trackingNumber()).isEqualTo(NUMBER);
        assertThat(shipment.customerId()).isEqualTo(customer);
        assertThat(shipment.details()).isEqualTo(details());
        assertThat(shipment.agentId()).isNull();
        assertThat(shipment.hubId()).isNull();
        assertThat(shipment.createdAt()).isEqualTo(BOOKED_AT);
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
        assertThat(shipment.history()).singleElement().satisfies(first -> {
            assertThat(first.id()).isNotNull();
            assertThat(first.status()).isEqualTo(CREATED);
            assertThat(first.location()).isNull();
            assertThat(first.note()).isEqualTo("Shipment booked");
            assertThat(first.recordedBy()).isEqualTo(customer);
            assertThat(first.recordedAt()).isEqualTo(BOOKED_AT);
        });
        assertThat(shipment.currentLocation()).isNull();
    }

    @Test
    void shouldRecordWhoBookedItWhenAnAdminBooksOnBehalfOfACustomer() {
        Shipment shipment = Shipment.book(NUMBER, customer, details(), admin, BOOKED_AT).shipment();

        assertThat(shipment.customerId()).isEqualTo(customer);
        assertThat(shipment.history().get(0).recordedBy()).isEqualTo(admin);
    }

    @Test
    void shouldGiveEachBookingItsOwnId() {
        assertThat(booked().id()).isNotEqualTo(booked().id());
    }

    @Test
    void shouldTreatTheBookingAsUnsavedHistory() {
        Shipment shipment = booked();

        assertThat(shipment.unsavedHistory()).isEqualTo(shipment.history());
        assertThat(shipment.firstUnsavedSequence()).isZero();
    }

    @Test
    void shouldNotLetCallersChangeTheHistoryFromOutside() {
        Shipment shipment = booked();

        assertThatThrownBy(() -> shipment.history().add(entry(DELIVERED, "Nowhere")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> shipment.unsavedHistory().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(shipment.history()).hasSize(1);
    }

    // --- editing and cancelling ---

    @Test
    void shouldLetTheBookingBeEditedWhileCreated() {
        Shipment shipment = booked();
        ShipmentDetails changed = new ShipmentDetails("1 Beach Road, Chennai", "2 Park Street, Kolkata", null, null,
                null, null);

        shipment.edit(changed, LATER);

        assertThat(shipment.details()).isEqualTo(changed);
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.history()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+91 98400 00000", "9840000000", "+1234567", "+0123456789", "+1234567890123456",
            "phone me"})
    void shouldRefuseBookingWithARecipientPhoneThatIsNotE164(String phone) {
        ShipmentDetails withPhone = new ShipmentDetails("Chennai", "Bangalore", null, phone, null, null);

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> Shipment.book(NUMBER, customer, withPhone, customer, BOOKED_AT));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("recipient_phone");
    }

    @Test
    void shouldRefuseChangingTheRecipientPhoneToOneThatIsNotE164() {
        Shipment shipment = booked();
        ShipmentDetails changed = new ShipmentDetails("Chennai", "Bangalore", null, "98400 00000", null, null);

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.edit(changed, LATER));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("recipient_phone");
        assertThat(shipment.details()).isEqualTo(details());
    }

    @Test
    void shouldKeepARecipientPhoneStoredBeforeTheE164RuleWhenOtherDetailsChange() {
        ShipmentDetails legacy = new ShipmentDetails("Chennai", "Bangalore", null, "+91 98400 00000", null, null);
        Shipment shipment = Shipment.restore(UUID.randomUUID(), NUMBER, customer, legacy, CREATED, null, null,
                BOOKED_AT, BOOKED_AT, List.of(entry(CREATED, null)));
        ShipmentDetails changed = new ShipmentDetails("Chennai", "Mysuru", null, "+91 98400 00000", null, null);

        shipment.edit(changed, LATER);

        assertThat(shipment.details().recipientPhone()).isEqualTo("+91 98400 00000");
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = "CREATED", mode = EnumSource.Mode.EXCLUDE)
    void shouldRefuseEditingAfterDispatch(ShipmentStatus status) {
        Shipment shipment = stored(status);
        ShipmentDetails changed = new ShipmentDetails("1 Beach Road, Chennai", "2 Park Street, Kolkata", null, null,
                null, null);

        assertThatThrownBy(() -> shipment.edit(changed, LATER)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(status.wireName());

        assertThat(shipment.details()).isEqualTo(details());
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
    }

    @Test
    void shouldRefuseEditingOnceThePickupIsRecorded() {
        Shipment shipment = booked();
        shipment.changeStatus(PICKED_UP, "Customer door", null, agent, LATER);

        assertThatThrownBy(() -> shipment.edit(details(), EVEN_LATER)).isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldCancelWhileCreatedAndKeepTheShipment() {
        Shipment shipment = booked();

        shipment.cancel(customer, LATER);
        TrackingUpdate update = shipment.latestUpdate();

        assertThat(shipment.status()).isEqualTo(CANCELLED);
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
        assertThat(update.status()).isEqualTo(CANCELLED);
        assertThat(update.location()).isNull();
        assertThat(update.note()).isEqualTo("Cancelled before dispatch");
        assertThat(update.recordedBy()).isEqualTo(customer);
        assertThat(update.recordedAt()).isEqualTo(LATER);
        assertThat(shipment.history()).extracting(TrackingUpdate::status).containsExactly(CREATED, CANCELLED);
        assertThat(shipment.history()).last().isEqualTo(update);
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = "CREATED", mode = EnumSource.Mode.EXCLUDE)
    void shouldRefuseCancellationAfterDispatch(ShipmentStatus status) {
        Shipment shipment = stored(status);
        List<TrackingUpdate> before = shipment.history();

        assertThatThrownBy(() -> shipment.cancel(customer, LATER)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(status.wireName());

        assertThat(shipment.status()).isEqualTo(status);
        assertThat(shipment.history()).isEqualTo(before);
        assertThat(shipment.unsavedHistory()).isEmpty();
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
    }

    @Test
    void shouldRefuseCancellationOnceInTransit() {
        Shipment shipment = booked();
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, agent, LATER);

        assertThatThrownBy(() -> shipment.cancel(customer, EVEN_LATER)).isInstanceOf(ConflictException.class);
        assertThat(shipment.status()).isEqualTo(IN_TRANSIT);
    }

    @Test
    void shouldRefuseCancellingTwice() {
        Shipment shipment = booked();
        shipment.cancel(customer, LATER);

        assertThatThrownBy(() -> shipment.cancel(customer, EVEN_LATER)).isInstanceOf(ConflictException.class);

        assertThat(shipment.status()).isEqualTo(CANCELLED);
        assertThat(shipment.history()).hasSize(2);
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void shouldRefuseEditingACancelledBooking() {
        Shipment shipment = booked();
        shipment.cancel(customer, LATER);

        assertThatThrownBy(() -> shipment.edit(details(), EVEN_LATER)).isInstanceOf(ConflictException.class);
    }

    // --- status changes ---

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void shouldChangeStatusOnlyAsTheLifecycleAllows(ShipmentStatus from, ShipmentStatus to) {
        Shipment shipment = stored(from);
        List<TrackingUpdate> before = shipment.history();

        if (from.canMoveTo(to)) {
            moveOn(shipment, to, "Bengaluru hub", "scanned", LATER);
            TrackingUpdate update = shipment.latestUpdate();

            assertThat(shipment.status()).isEqualTo(to);
            assertThat(shipment.updatedAt()).isEqualTo(LATER);
            assertThat(shipment.history()).hasSize(before.size() + 1).last().isEqualTo(update);
            assertThat(shipment.unsavedHistory()).containsExactly(update);
            assertThat(update.status()).isEqualTo(to);
            assertThat(update.location()).isEqualTo("Bengaluru hub");
            assertThat(update.note()).isEqualTo(to == DELIVERED ? "Delivered, received by A. R." : "scanned");
            assertThat(update.recordedBy()).isEqualTo(agent);
            assertThat(update.recordedAt()).isEqualTo(LATER);
            assertThat(shipment.currentLocation()).isEqualTo("Bengaluru hub");
        } else {
            IllegalStatusTransitionException refused = catchThrowableOfType(IllegalStatusTransitionException.class,
                    () -> shipment.changeStatus(to, "Bengaluru hub", "scanned", agent, LATER));

            assertThat(refused).isNotNull().isInstanceOf(ConflictException.class);
            assertThat(refused.getMessage()).contains(from.wireName(), to.wireName());
            assertThat(shipment.status()).isEqualTo(from);
            assertThat(shipment.history()).isEqualTo(before);
            assertThat(shipment.unsavedHistory()).isEmpty();
            assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
        }
    }

    @Test
    void shouldRefuseSkippingFromCreatedStraightToDelivered() {
        Shipment shipment = booked();

        assertThatThrownBy(() -> shipment.changeStatus(DELIVERED, "Recipient door", null, agent, LATER))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("A shipment that is created cannot become delivered."
                        + " Allowed next: picked_up, in_transit, cancelled.");

        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.history()).hasSize(1);
    }

    @Test
    void shouldSayAFinalStatusIsFinalWhenRefusingAMove() {
        Shipment shipment = stored(DELIVERED);

        assertThatThrownBy(() -> shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, agent, LATER))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("A shipment that is delivered cannot become in_transit. delivered is final.");
    }

    @Test
    void shouldWalkFromBookingToDeliveryKeepingACompleteHistory() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, BOOKED_AT.plusSeconds(60));

        shipment.changeStatus(PICKED_UP, "12 Anna Salai, Chennai", null, agent, BOOKED_AT.plusSeconds(600));
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, agent, BOOKED_AT.plusSeconds(3_600));
        shipment.changeStatus(IN_TRANSIT, "Bengaluru hub", "arrived", agent, BOOKED_AT.plusSeconds(30_000));
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, agent, BOOKED_AT.plusSeconds(40_000));
        moveOn(shipment, DELIVERY_FAILED, "5 MG Road, Bengaluru", "nobody home", BOOKED_AT.plusSeconds(41_000));
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", "second attempt", agent,
                BOOKED_AT.plusSeconds(90_000));
        moveOn(shipment, DELIVERED, "5 MG Road, Bengaluru", null, BOOKED_AT.plusSeconds(91_000));

        assertThat(shipment.status()).isEqualTo(DELIVERED);
        assertThat(shipment.currentLocation()).isEqualTo("5 MG Road, Bengaluru");
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT.plusSeconds(91_000));
        assertThat(shipment.history()).extracting(TrackingUpdate::status).containsExactly(CREATED, PICKED_UP,
                IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(shipment.history()).extracting(TrackingUpdate::recordedAt).isSorted();
    }

    @Test
    void shouldLetAFailedDeliveryBeReturned() {
        Shipment shipment = stored(DELIVERY_FAILED);

        shipment.changeStatus(IN_TRANSIT, "Bengaluru hub", null, agent, LATER);
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, agent, LATER);
        moveOn(shipment, DELIVERY_FAILED, "5 MG Road, Bengaluru", null, LATER);
        shipment.changeStatus(RETURNED, "12 Anna Salai, Chennai", null, agent, EVEN_LATER);

        assertThat(shipment.status()).isEqualTo(RETURNED);
        assertThat(shipment.status().isFinal()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void shouldRequireALocationToChangeStatus(String location) {
        Shipment shipment = booked();

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.changeStatus(PICKED_UP, location, null, agent, LATER));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("location");
        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.history()).hasSize(1);
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
    }

    @Test
    void shouldStripTheLocationAndTheNoteAndDropABlankNote() {
        Shipment shipment = booked();

        shipment.changeStatus(PICKED_UP, "  Chennai hub \n", "   ", agent, LATER);
        TrackingUpdate first = shipment.latestUpdate();
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", "  on the 10:40 truck ", agent, LATER);
        TrackingUpdate second = shipment.latestUpdate();

        assertThat(first.location()).isEqualTo("Chennai hub");
        assertThat(first.note()).isNull();
        assertThat(second.note()).isEqualTo("on the 10:40 truck");
    }

    @Test
    void shouldBoundTheLocationLikeAnAddress() {
        Shipment shipment = booked();

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.changeStatus(PICKED_UP, "x".repeat(501), null, agent, LATER));
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("location");
        assertThat(shipment.status()).isEqualTo(CREATED);

        shipment.changeStatus(PICKED_UP, " " + "x".repeat(500) + " ", null, agent, LATER);
        assertThat(shipment.currentLocation()).hasSize(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chennai\r\nURGENT: pay at https://evil.example", "Chennai\nhub", "Chennai\thub",
            "Chennai\u001bhub", "Chennai\u007fhub", "Chennai\u0085hub", "Chennai\u2029hub"})
    void shouldRefuseALocationOrNoteWithControlCharactersBeforeAnythingChanges(String text) {
        Shipment shipment = booked();

        InvalidRequestException badLocation = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.changeStatus(PICKED_UP, text, null, agent, LATER));
        InvalidRequestException badNote = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.changeStatus(PICKED_UP, "Chennai hub", text, agent, LATER));

        assertThat(badLocation).isNotNull();
        assertThat(badLocation.field()).isEqualTo("location");
        assertThat(badNote).isNotNull();
        assertThat(badNote.field()).isEqualTo("note");
        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.history()).hasSize(1);
    }

    @Test
    void shouldRefuseATrackingUpdateWithALineBreakHoweverItIsMade() {
        assertThatThrownBy(() -> new TrackingUpdate(UUID.randomUUID(), PICKED_UP, "Chennai\nhub", null, agent,
                LATER)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new TrackingUpdate(UUID.randomUUID(), PICKED_UP, "Chennai hub", "a\rb", agent,
                LATER)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldRefuseANoteLongerThanADescription() {
        Shipment shipment = stored(IN_TRANSIT);

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.recordScan("Chennai hub", "n".repeat(1001), agent, LATER));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("note");
        assertThat(shipment.history()).hasSize(2);
        shipment.recordScan("Chennai hub", "n".repeat(1000), agent, LATER);
        assertThat(shipment.latestUpdate().note()).hasSize(1000);
    }

    @Test
    void shouldLeaveTheStatusUnchangedWhenAStatusChangeIsRefusedForItsNote() {
        Shipment shipment = booked();

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.changeStatus(PICKED_UP, "Customer door", "n".repeat(1001), agent, LATER));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("note");
        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.history()).hasSize(1);
        assertThat(shipment.history()).last().extracting(TrackingUpdate::status).isEqualTo(shipment.status());
    }

    // --- scans ---

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY",
        "DELIVERY_FAILED"})
    void shouldRecordAScanWithoutChangingTheStatus(ShipmentStatus status) {
        Shipment shipment = stored(status);
        int before = shipment.history().size();

        shipment.recordScan("Hosur checkpoint", "weighed", agent, LATER);
        TrackingUpdate scan = shipment.latestUpdate();

        assertThat(shipment.status()).isEqualTo(status);
        assertThat(scan.status()).isEqualTo(status);
        assertThat(scan.location()).isEqualTo("Hosur checkpoint");
        assertThat(scan.note()).isEqualTo("weighed");
        assertThat(shipment.history()).hasSize(before + 1).last().isEqualTo(scan);
        assertThat(shipment.unsavedHistory()).containsExactly(scan);
        assertThat(shipment.currentLocation()).isEqualTo("Hosur checkpoint");
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"DELIVERED", "RETURNED", "CANCELLED"})
    void shouldRefuseScansOnceTheShipmentIsFinal(ShipmentStatus status) {
        Shipment shipment = stored(status);
        List<TrackingUpdate> before = shipment.history();

        assertThatThrownBy(() -> shipment.recordScan("Chennai hub", null, agent, LATER))
                .isInstanceOf(ConflictException.class).hasMessageContaining(status.wireName());

        assertThat(shipment.history()).isEqualTo(before);
        assertThat(shipment.unsavedHistory()).isEmpty();
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
    }

    @Test
    void shouldKeepWhereTheScannerStoodWithAScanOrAStatusChange() {
        Shipment shipment = stored(PICKED_UP);
        GeoPoint hosur = new GeoPoint(12.7409, 77.8253);
        GeoPoint salem = new GeoPoint(11.6643, 78.1460);

        shipment.recordScan("Hosur checkpoint", hosur, null, null, agent, LATER);
        TrackingUpdate scan = shipment.latestUpdate();
        shipment.changeStatus(IN_TRANSIT, "Salem", salem, null, null, agent, EVEN_LATER);
        TrackingUpdate moved = shipment.latestUpdate();

        assertThat(scan.point()).isEqualTo(hosur);
        assertThat(moved.point()).isEqualTo(salem);
        assertThat(moved.status()).isEqualTo(IN_TRANSIT);
        assertThat(shipment.unsavedHistory()).containsExactly(scan, moved);
        assertThat(shipment.history().get(0).point()).isNull();
    }

    @Test
    void shouldRequireALocationForAScan() {
        Shipment shipment = stored(IN_TRANSIT);

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> shipment.recordScan(" ", null, agent, LATER));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("location");
        assertThat(shipment.history()).hasSize(2);
    }

    // --- current location ---

    @Test
    void shouldTakeTheCurrentLocationFromTheLatestEntryThatHasOne() {
        Shipment shipment = booked();
        assertThat(shipment.currentLocation()).isNull();

        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, agent, LATER);
        assertThat(shipment.currentLocation()).isEqualTo("Chennai hub");

        shipment.recordScan("Vellore checkpoint", null, agent, LATER);
        assertThat(shipment.currentLocation()).isEqualTo("Vellore checkpoint");

        shipment.changeStatus(IN_TRANSIT, "Bengaluru hub", null, agent, EVEN_LATER);
        assertThat(shipment.currentLocation()).isEqualTo("Bengaluru hub");
    }

    @Test
    void shouldKeepTheLastKnownLocationAfterACancellation() {
        Shipment shipment = booked();
        shipment.recordScan("Collection point", null, agent, LATER);

        shipment.cancel(customer, EVEN_LATER);

        assertThat(shipment.history()).last().extracting(TrackingUpdate::location).isNull();
        assertThat(shipment.currentLocation()).isEqualTo("Collection point");
    }

    @Test
    void shouldHaveNoLocationWhenCancelledBeforeAnyScan() {
        Shipment shipment = booked();

        shipment.cancel(customer, LATER);

        assertThat(shipment.currentLocation()).isNull();
    }

    @Test
    void shouldDeriveTheCurrentLocationOfARestoredShipmentFromItsHistory() {
        Shipment shipment = Shipment.restore(UUID.randomUUID(), NUMBER, customer, details(), CANCELLED, null, null,
                BOOKED_AT, LATER, List.of(entry(CREATED, null), entry(CREATED, "Collection point"),
                        entry(CANCELLED, null)));

        assertThat(shipment.currentLocation()).isEqualTo("Collection point");
    }

    // --- agent and hub ---

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY",
        "DELIVERY_FAILED"})
    void shouldAssignAnAgentWhileTheShipmentIsNotFinal(ShipmentStatus status) {
        Shipment shipment = stored(status);

        shipment.assignAgent(otherAgent, LATER);

        assertThat(shipment.agentId()).isEqualTo(otherAgent);
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
        assertThat(shipment.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"DELIVERED", "RETURNED", "CANCELLED"})
    void shouldRefuseAssigningAnAgentOnceFinal(ShipmentStatus status) {
        Shipment shipment = stored(status);

        assertThatThrownBy(() -> shipment.assignAgent(otherAgent, LATER)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(status.wireName());

        assertThat(shipment.agentId()).isEqualTo(agent);
        assertThat(shipment.updatedAt()).isEqualTo(BOOKED_AT);
    }

    @Test
    void shouldRouteTheShipmentToAHub() {
        Shipment shipment = booked();
        UUID hub = UUID.randomUUID();

        shipment.routeTo(hub, LATER);

        assertThat(shipment.hubId()).isEqualTo(hub);
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
    }

    // --- who may see and touch it ---

    @Test
    void shouldBeVisibleToItsOwnerItsAssignedAgentAndAdminsOnly() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, LATER);

        assertThat(shipment.isVisibleTo(caller(customer, Role.CUSTOMER))).isTrue();
        assertThat(shipment.isVisibleTo(caller(otherCustomer, Role.CUSTOMER))).isFalse();
        assertThat(shipment.isVisibleTo(caller(agent, Role.AGENT))).isTrue();
        assertThat(shipment.isVisibleTo(caller(otherAgent, Role.AGENT))).isFalse();
        assertThat(shipment.isVisibleTo(caller(admin, Role.ADMIN))).isTrue();
    }

    @Test
    void shouldBeVisibleToNoAgentBeforeOneIsAssigned() {
        Shipment shipment = booked();

        assertThat(shipment.isVisibleTo(caller(agent, Role.AGENT))).isFalse();
        assertThat(shipment.isHandledBy(caller(agent, Role.AGENT))).isFalse();
        assertThat(shipment.isVisibleTo(caller(admin, Role.ADMIN))).isTrue();
    }

    @Test
    void shouldStopBeingVisibleToAnAgentWhoIsReplaced() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, LATER);

        shipment.assignAgent(otherAgent, EVEN_LATER);

        assertThat(shipment.isVisibleTo(caller(agent, Role.AGENT))).isFalse();
        assertThat(shipment.isHandledBy(caller(agent, Role.AGENT))).isFalse();
        assertThat(shipment.isVisibleTo(caller(otherAgent, Role.AGENT))).isTrue();
        assertThat(shipment.isHandledBy(caller(otherAgent, Role.AGENT))).isTrue();
    }

    @Test
    void shouldNotTreatTheAssignedAgentsIdAsAnAgentWhenItsRoleIsNoLongerAgent() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, LATER);

        assertThat(shipment.isVisibleTo(caller(agent, Role.CUSTOMER))).isFalse();
        assertThat(shipment.isHandledBy(caller(agent, Role.CUSTOMER))).isFalse();
    }

    @Test
    void shouldBeHandledOnlyByTheAssignedAgentAndAdmins() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, LATER);

        assertThat(shipment.isHandledBy(caller(agent, Role.AGENT))).isTrue();
        assertThat(shipment.isHandledBy(caller(admin, Role.ADMIN))).isTrue();
        assertThat(shipment.isHandledBy(caller(otherAgent, Role.AGENT))).isFalse();
        assertThat(shipment.isHandledBy(caller(customer, Role.CUSTOMER))).isFalse();
        assertThat(shipment.isHandledBy(caller(otherCustomer, Role.CUSTOMER))).isFalse();
    }

    @Test
    void shouldBeManagedOnlyByItsOwnerAndAdmins() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, LATER);

        assertThat(shipment.isManagedBy(caller(customer, Role.CUSTOMER))).isTrue();
        assertThat(shipment.isManagedBy(caller(admin, Role.ADMIN))).isTrue();
        assertThat(shipment.isManagedBy(caller(otherCustomer, Role.CUSTOMER))).isFalse();
        assertThat(shipment.isManagedBy(caller(agent, Role.AGENT))).isFalse();
        assertThat(shipment.isManagedBy(caller(otherAgent, Role.AGENT))).isFalse();
    }

    // --- the events a change produces ---

    @Test
    void shouldAnnounceABookingWithTheTrackingNumberAndTheAddresses() {
        Shipment.Booking booking = Shipment.book(NUMBER, customer, details(), admin, BOOKED_AT);

        assertThat(booking.events()).containsExactly(new ShipmentBooked(booking.shipment().id(), NUMBER.value(),
                customer, "12 Anna Salai, Chennai 600002", "5 MG Road, Bengaluru 560001", BOOKED_AT, "standard", null,
                null));
    }

    @Test
    void shouldAnnounceAStatusChangeWithItsPlaceInTheHistory() {
        Shipment shipment = stored(PICKED_UP);

        List<ShipmentEvent> events = shipment.changeStatus(IN_TRANSIT, "Chennai hub", "on the truck", agent, LATER);

        assertThat(events).containsExactly(new ShipmentStatusChanged(shipment.id(), NUMBER.value(), 2, "picked_up",
                "in_transit", "Chennai hub", customer, agent, LATER));
    }

    @Test
    void shouldAnnounceADeliveryAsAStatusChangeAndAsADeliveryCountingTheFailedAttempts() {
        Shipment shipment = stored(OUT_FOR_DELIVERY);
        moveOn(shipment, DELIVERY_FAILED, "5 MG Road, Bengaluru", "nobody home", LATER);
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, agent, LATER);

        List<ShipmentEvent> events = moveOn(shipment, DELIVERED, "5 MG Road, Bengaluru", null, EVEN_LATER);

        assertThat(events).containsExactly(
                new ShipmentStatusChanged(shipment.id(), NUMBER.value(), 4, "out_for_delivery", "delivered",
                        "5 MG Road, Bengaluru", customer, agent, EVEN_LATER, null,
                        EVEN_LATER.atZone(java.time.ZoneOffset.UTC).toLocalDate()),
                new ShipmentDelivered(shipment.id(), NUMBER.value(), customer, BOOKED_AT, 1, EVEN_LATER),
                new ProofOfDeliveryRecorded(shipment.id(), NUMBER.value(), customer, agent, "signature", "A. R.",
                        List.of("signature"), EVEN_LATER));
    }

    static Stream<Arguments> everyAllowedMoveButDelivery() {
        return everyPairOfStatuses().filter(pair -> {
            ShipmentStatus from = (ShipmentStatus) pair.get()[0];
            ShipmentStatus to = (ShipmentStatus) pair.get()[1];
            return from.canMoveTo(to) && to != DELIVERED;
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyAllowedMoveButDelivery")
    void shouldAnnounceEveryOtherMoveAsAStatusChangeAlone(ShipmentStatus from, ShipmentStatus to) {
        Shipment shipment = stored(from);

        List<ShipmentEvent> events = moveOn(shipment, to, "Bengaluru hub", null, LATER);

        // Besides the delivery's own events: the code of a new attempt, the failure of one.
        assertThat(events.stream().filter(event -> !(event instanceof DeliveryCodeIssued)
                && !(event instanceof DeliveryAttemptFailed))).containsExactly(new ShipmentStatusChanged(shipment.id(), NUMBER.value(),
                shipment.history().size() - 1, from.wireName(), to.wireName(), "Bengaluru hub", customer, agent,
                LATER, null, shipment.estimatedDelivery()));
    }

    @Test
    void shouldAnnounceAScanAsAStatusChangeToTheSameStatus() {
        Shipment shipment = stored(IN_TRANSIT);

        List<ShipmentEvent> events = shipment.recordScan("Vellore checkpoint", "weighed", agent, LATER);

        assertThat(events).containsExactly(new ShipmentStatusChanged(shipment.id(), NUMBER.value(), 2, "in_transit",
                "in_transit", "Vellore checkpoint", customer, agent, LATER));
    }

    @Test
    void shouldAnnounceACancellationAsAStatusChangeWithNoLocation() {
        Shipment shipment = booked();
        shipment.recordScan("Collection point", null, agent, LATER);

        List<ShipmentEvent> events = shipment.cancel(customer, EVEN_LATER);

        assertThat(events).containsExactly(new ShipmentStatusChanged(shipment.id(), NUMBER.value(), 2, "created",
                "cancelled", null, customer, null, EVEN_LATER));
    }

    @Test
    void shouldAnnounceAnAgentAssignment() {
        Shipment shipment = stored(IN_TRANSIT);

        List<ShipmentEvent> events = shipment.assignAgent(otherAgent, LATER);

        assertThat(events).containsExactly(new AgentAssigned(shipment.id(), otherAgent, 1, LATER));
    }

    @Test
    void shouldAnnounceAStatusChangeWithTheAgentAssignedAtTheTime() {
        Shipment shipment = booked();
        shipment.assignAgent(agent, LATER);

        assertThat(shipment.changeStatus(PICKED_UP, "Customer door", null, agent, EVEN_LATER)).singleElement()
                .isInstanceOfSatisfying(ShipmentStatusChanged.class,
                        changed -> assertThat(changed.agentId()).isEqualTo(agent));
    }

    // --- what the repository has to write ---

    @Test
    void shouldHaveNothingUnsavedRightAfterRestore() {
        Shipment shipment = stored(IN_TRANSIT);

        assertThat(shipment.history()).hasSize(2);
        assertThat(shipment.unsavedHistory()).isEmpty();
        assertThat(shipment.firstUnsavedSequence()).isEqualTo(2);
    }

    @Test
    void shouldListOnlyTheEntriesAddedSinceRestoreAndWhereTheyStart() {
        Shipment shipment = stored(IN_TRANSIT);

        shipment.recordScan("Vellore checkpoint", null, agent, LATER);
        TrackingUpdate scan = shipment.latestUpdate();
        assertThatThrownBy(() -> shipment.changeStatus(DELIVERED, "Bengaluru", null, agent, LATER))
                .isInstanceOf(IllegalStatusTransitionException.class);
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, agent, EVEN_LATER);
        TrackingUpdate out = shipment.latestUpdate();

        assertThat(shipment.history()).hasSize(4);
        assertThat(shipment.unsavedHistory()).containsExactly(scan, out);
        assertThat(shipment.firstUnsavedSequence()).isEqualTo(2);
        assertThat(shipment.history().subList(shipment.firstUnsavedSequence(), 4))
                .isEqualTo(shipment.unsavedHistory());
    }

    @Test
    void shouldKeepTheRestoredStateAsGiven() {
        UUID id = UUID.randomUUID();
        UUID hub = UUID.randomUUID();
        Shipment shipment = Shipment.restore(id, NUMBER, customer, details(), OUT_FOR_DELIVERY, agent, hub, BOOKED_AT,
                LATER, List.of(entry(CREATED, null), entry(OUT_FOR_DELIVERY, "Bengaluru hub")));

        assertThat(shipment.id()).isEqualTo(id);
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(shipment.agentId()).isEqualTo(agent);
        assertThat(shipment.hubId()).isEqualTo(hub);
        assertThat(shipment.createdAt()).isEqualTo(BOOKED_AT);
        assertThat(shipment.updatedAt()).isEqualTo(LATER);
        assertThat(shipment.currentLocation()).isEqualTo("Bengaluru hub");
    }
}
