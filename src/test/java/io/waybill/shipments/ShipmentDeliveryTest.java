package io.waybill.shipments;

import static io.waybill.shipments.ShipmentStatus.DELIVERED;
import static io.waybill.shipments.ShipmentStatus.DELIVERY_FAILED;
import static io.waybill.shipments.ShipmentStatus.IN_TRANSIT;
import static io.waybill.shipments.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.shipments.ShipmentStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery rules of the Shipment aggregate: codes, proofs, failed attempts, instructions. No Spring. */
class ShipmentDeliveryTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private final UUID customer = UUID.randomUUID();
    private final UUID agent = UUID.randomUUID();
    private final UUID hub = UUID.randomUUID();

    private Shipment inTransit() {
        Shipment shipment = Shipment.book(new TrackingNumber("TRK79927398713"), customer,
                new ShipmentDetails("Chennai", "5 MG Road, Bengaluru", "Ravi Kumar", "+919840000000",
                        new BigDecimal("1"), null), customer, AT).shipment();
        shipment.assignAgent(agent, AT);
        shipment.routeTo(hub, AT);
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, agent, AT);
        return shipment;
    }

    /** Sends the shipment out and answers the code the recipient was sent. */
    private String outForDelivery(Shipment shipment, DeliveryPolicy policy) {
        List<ShipmentEvent> events = shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, policy, agent, AT);
        return events.stream().filter(DeliveryCodeIssued.class::isInstance).map(DeliveryCodeIssued.class::cast)
                .map(DeliveryCodeIssued::code).findFirst().orElse(null);
    }

    private static DeliveryProof otp(String code) {
        return new DeliveryProof(ProofKind.OTP, code, List.of(), "Ravi Kumar", 12.97, 77.59);
    }

    private static DeliveryProof signature() {
        return new DeliveryProof(ProofKind.SIGNATURE, null, List.of("images/1.png"), "Ravi Kumar", null, null);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void shouldIssueASixDigitCodeKeptOnlyAsASaltedHashWhenTheShipmentGoesOutForDelivery() {
        Shipment shipment = inTransit();

        List<ShipmentEvent> events = shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null,
                DeliveryPolicy.DEFAULT, agent, AT);

        DeliveryCodeIssued issued = events.stream().filter(DeliveryCodeIssued.class::isInstance)
                .map(DeliveryCodeIssued.class::cast).findFirst().orElseThrow();
        assertThat(issued.code()).matches("\\d{6}");
        assertThat(issued.recipientPhone()).isEqualTo("+919840000000");
        assertThat(issued.toString()).doesNotContain(issued.code());
        DeliveryCode kept = shipment.delivery().code();
        assertThat(kept.salt()).hasSize(16);
        assertThat(new String(kept.hash(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(issued.code());
        assertThat(kept.triesLeft()).isEqualTo(DeliveryCode.MAX_WRONG_TRIES);
    }

    @Test
    void shouldDeliverOnTheRightCodeWithTheReceiverAndThePoint() {
        Shipment shipment = inTransit();
        String code = outForDelivery(shipment, DeliveryPolicy.DEFAULT);

        List<ShipmentEvent> events = shipment.deliver(otp(code), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT);

        assertThat(shipment.status()).isEqualTo(DELIVERED);
        assertThat(shipment.delivery().code()).as("the code expires with the attempt").isNull();
        ProofOfDelivery proof = shipment.delivery().proof();
        assertThat(proof.kind()).isEqualTo(ProofKind.OTP);
        assertThat(proof.receivedBy()).isEqualTo("Ravi Kumar");
        assertThat(proof.latitude()).isEqualTo(12.97);
        assertThat(proof.location()).isEqualTo("5 MG Road");
        assertThat(shipment.latestUpdate().note()).isEqualTo("Delivered, received by R. K.");
        assertThat(events).hasExactlyElementsOfTypes(ShipmentStatusChanged.class, ShipmentDelivered.class,
                ProofOfDeliveryRecorded.class);
        assertThat(((ProofOfDeliveryRecorded) events.get(2)).receivedByInitials()).isEqualTo("R. K.");
    }

    @Test
    void shouldLockTheCodeAfterFiveWrongTriesAndThenAcceptOnlyASignatureOrPhoto() {
        Shipment shipment = inTransit();
        String code = outForDelivery(shipment, DeliveryPolicy.DEFAULT);

        for (int tryNumber = 1; tryNumber <= DeliveryCode.MAX_WRONG_TRIES; tryNumber++) {
            int left = DeliveryCode.MAX_WRONG_TRIES - tryNumber;
            assertThatThrownBy(() -> shipment.deliver(otp(wrong(code)), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT))
                    .isInstanceOf(DeliveryCodeRejectedException.class)
                    .satisfies(e -> assertThat(((DeliveryCodeRejectedException) e).triesLeft()).isEqualTo(left));
        }
        assertThat(shipment.delivery().code().isLocked()).isTrue();

        assertThatThrownBy(() -> shipment.deliver(otp(code), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT))
                .as("even the right code, once locked")
                .isInstanceOf(DeliveryCodeRejectedException.class).hasMessageContaining("locked");
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);

        shipment.deliver(signature(), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT);
        assertThat(shipment.status()).isEqualTo(DELIVERED);
        assertThat(shipment.delivery().proof().imageReferences()).containsExactly("images/1.png");
    }

    @Test
    void shouldRefuseToDeliverWithoutAProofThroughAPlainStatusChange() {
        Shipment shipment = inTransit();
        outForDelivery(shipment, DeliveryPolicy.DEFAULT);

        assertThatThrownBy(() -> shipment.changeStatus(DELIVERED, "5 MG Road", null, agent, AT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("proof of delivery");
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);
    }

    @Test
    void shouldRefuseAProofTheDeploymentDoesNotAcceptAndIssueNoCodeWhenCodesAreOff() {
        DeliveryPolicy imagesOnly = new DeliveryPolicy(EnumSet.of(ProofKind.SIGNATURE, ProofKind.PHOTO), 3, 1000);
        Shipment shipment = inTransit();

        assertThat(outForDelivery(shipment, imagesOnly)).isNull();
        assertThatThrownBy(() -> shipment.deliver(otp("123456"), "5 MG Road", imagesOnly, agent, AT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("signature, photo");
        DeliveryPolicy codesOnly = new DeliveryPolicy(EnumSet.of(ProofKind.OTP), 3, 1000);
        assertThatThrownBy(() -> shipment.deliver(signature(), "5 MG Road", codesOnly, agent, AT))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> shipment.deliver(otp("123456"), "5 MG Road", codesOnly, agent, AT))
                .as("no code was issued for this attempt").isInstanceOf(InvalidRequestException.class);
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);
    }

    @Test
    void shouldRequireWhatEachProofNeeds() {
        assertThatThrownBy(() -> new DeliveryProof(ProofKind.OTP, " ", List.of(), "Ravi", null, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new DeliveryProof(ProofKind.PHOTO, null, List.of(), "Ravi", null, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new DeliveryProof(ProofKind.SIGNATURE, null, List.of("a"), " ", null, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new DeliveryProof(ProofKind.SIGNATURE, null, List.of("a"), "Ravi", 91.0, 10.0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new DeliveryProof(ProofKind.SIGNATURE, null, List.of("a"), "Ravi", 10.0, null))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldRefuseAProofBeforeTheShipmentIsOutForDelivery() {
        Shipment shipment = inTransit();

        assertThatThrownBy(() -> shipment.deliver(signature(), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT))
                .isInstanceOf(IllegalStatusTransitionException.class);
    }

    @Test
    void shouldEndTheAttemptsCodeWhenTheDeliveryFailsAndIssueAFreshOneForTheNext() {
        Shipment shipment = inTransit();
        String first = outForDelivery(shipment, DeliveryPolicy.DEFAULT);

        List<ShipmentEvent> events = shipment.failDelivery(FailureReason.RECIPIENT_ABSENT, "5 MG Road", "no answer",
                DeliveryPolicy.DEFAULT, agent, AT);

        assertThat(shipment.status()).isEqualTo(DELIVERY_FAILED);
        assertThat(shipment.delivery().code()).isNull();
        DeliveryAttemptFailed failed = (DeliveryAttemptFailed) events.get(1);
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.reason()).isEqualTo("recipient_absent");
        assertThat(failed.hubId()).isEqualTo(hub);

        String second = outForDelivery(shipment, DeliveryPolicy.DEFAULT);
        assertThat(second).isNotNull();
        DeliveryCode kept = shipment.delivery().code();
        assertThat(kept.triesLeft()).isEqualTo(DeliveryCode.MAX_WRONG_TRIES);
        if (!first.equals(second)) {
            assertThatThrownBy(() -> shipment.deliver(otp(first), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT))
                    .as("the first attempt's code has expired").isInstanceOf(DeliveryCodeRejectedException.class);
        }
    }

    @Test
    void shouldRequireAReasonForAFailedDelivery() {
        Shipment shipment = inTransit();
        outForDelivery(shipment, DeliveryPolicy.DEFAULT);

        assertThatThrownBy(() -> shipment.changeStatus(DELIVERY_FAILED, "5 MG Road", null, agent, AT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("recipient_absent");
        assertThatThrownBy(() -> shipment.failDelivery(null, "5 MG Road", null, DeliveryPolicy.DEFAULT, agent, AT))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);
    }

    @Test
    void shouldReturnTheShipmentByItselfOnTheLastAllowedFailedAttemptSayingWhy() {
        DeliveryPolicy twoAttempts = new DeliveryPolicy(EnumSet.allOf(ProofKind.class), 2, 1000);
        Shipment shipment = inTransit();
        outForDelivery(shipment, twoAttempts);
        assertThat(shipment.failDelivery(FailureReason.WEATHER, "5 MG Road", null, twoAttempts, agent, AT))
                .hasSize(2);
        outForDelivery(shipment, twoAttempts);

        List<ShipmentEvent> events = shipment.failDelivery(FailureReason.REFUSED, "5 MG Road", null, twoAttempts,
                agent, AT);

        assertThat(shipment.status()).isEqualTo(RETURNED);
        assertThat(shipment.latestUpdate().note()).isEqualTo(
                "Returned to sender automatically after 2 failed delivery attempts");
        assertThat(events).hasExactlyElementsOfTypes(ShipmentStatusChanged.class, DeliveryAttemptFailed.class,
                ShipmentStatusChanged.class);
        assertThat(((ShipmentStatusChanged) events.get(2)).status()).isEqualTo("returned");
        assertThat(shipment.delivery().failures()).extracting(DeliveryFailure::reason)
                .containsExactly(FailureReason.WEATHER, FailureReason.REFUSED);
    }

    @Test
    void shouldTakeTheCustomersInstructionOnlyAfterAFailedAttempt() {
        Shipment shipment = inTransit();
        assertThatThrownBy(() -> shipment.instruct(DeliveryInstruction.Action.HOLD_AT_HUB, null, TODAY, customer, AT))
                .isInstanceOf(ConflictException.class);
        outForDelivery(shipment, DeliveryPolicy.DEFAULT);
        shipment.failDelivery(FailureReason.ACCESS_ISSUE, "5 MG Road", null, DeliveryPolicy.DEFAULT, agent, AT);

        assertThatThrownBy(() -> shipment.instruct(DeliveryInstruction.Action.REATTEMPT, null, TODAY, customer, AT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> shipment.instruct(DeliveryInstruction.Action.REATTEMPT, TODAY.minusDays(1), TODAY,
                customer, AT)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("past");
        assertThatThrownBy(() -> shipment.instruct(DeliveryInstruction.Action.HOLD_AT_HUB, TODAY, TODAY, customer, AT))
                .isInstanceOf(InvalidRequestException.class);

        List<ShipmentEvent> events = shipment.instruct(DeliveryInstruction.Action.REATTEMPT, TODAY, TODAY, customer,
                AT);

        assertThat(events).singleElement().isInstanceOf(DeliveryInstructionGiven.class);
        assertThat(shipment.currentInstruction().reattemptOn()).isEqualTo(TODAY);
        assertThat(shipment.currentInstruction().afterAttempt()).isEqualTo(1);
        outForDelivery(shipment, DeliveryPolicy.DEFAULT);
        assertThat(shipment.currentInstruction()).as("acted on by the new attempt").isNull();
        shipment.failDelivery(FailureReason.OTHER, "5 MG Road", null, DeliveryPolicy.DEFAULT, agent, AT);
        assertThat(shipment.currentInstruction()).as("an instruction answers one failed attempt").isNull();
    }

    @Test
    void shouldNotSendOutAgainAShipmentTheCustomerAskedToReturn() {
        Shipment shipment = inTransit();
        outForDelivery(shipment, DeliveryPolicy.DEFAULT);
        shipment.failDelivery(FailureReason.ADDRESS_INCORRECT, "5 MG Road", null, DeliveryPolicy.DEFAULT, agent, AT);
        shipment.instruct(DeliveryInstruction.Action.RETURN_TO_SENDER, null, TODAY, customer, AT);

        assertThatThrownBy(() -> shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, agent, AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("returned");
        shipment.changeStatus(RETURNED, "Chennai", null, agent, AT);
        assertThat(shipment.status()).isEqualTo(RETURNED);
    }

    @Test
    void shouldReviseTheEstimateOnAFailedAttemptAndOnADeliveryByProofInTheZoneOfThePlace() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Shipment shipment = promisedInTransit(kolkata);
        // 10:00 UTC is 15:30 in Kolkata: the same day there.
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, kolkata, null, DeliveryPolicy.DEFAULT, agent, AT);
        assertThat(shipment.estimatedDelivery()).isEqualTo(TODAY);

        shipment.failDelivery(FailureReason.RECIPIENT_ABSENT, "5 MG Road", new GeoPoint(12.97, 77.59), kolkata,
                null, DeliveryPolicy.DEFAULT, agent, AT);

        assertThat(shipment.estimatedDelivery()).as("failed attempt: the next day").isEqualTo(TODAY.plusDays(1));
        assertThat(shipment.latestUpdate().timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(shipment.latestUpdate().point()).isEqualTo(new GeoPoint(12.97, 77.59));
        assertThat(last(shipment.estimateRevisions()).reason()).isEqualTo("delivery_failed");

        Instant nextDay = AT.plusSeconds(86_400);
        String code = shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, kolkata, null,
                        DeliveryPolicy.DEFAULT, agent, nextDay).stream()
                .filter(DeliveryCodeIssued.class::isInstance).map(DeliveryCodeIssued.class::cast).findFirst()
                .orElseThrow().code();
        // 20:00 UTC is 01:30 the day after in Kolkata: the delivery's own day there.
        Instant lateEvening = nextDay.plusSeconds(10 * 3600);
        List<ShipmentEvent> events = shipment.deliver(otp(code), "5 MG Road", kolkata, DeliveryPolicy.DEFAULT, agent,
                lateEvening);

        assertThat(shipment.status()).isEqualTo(DELIVERED);
        assertThat(shipment.latestUpdate().timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(shipment.latestUpdate().point()).as("the proof's position").isEqualTo(new GeoPoint(12.97, 77.59));
        assertThat(shipment.estimatedDelivery()).isEqualTo(TODAY.plusDays(2));
        assertThat(last(shipment.estimateRevisions()).reason()).isEqualTo("delivered");
        ShipmentStatusChanged delivered = (ShipmentStatusChanged) events.get(0);
        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.estimatedDelivery()).isEqualTo(TODAY.plusDays(2));
        assertThat(events).hasExactlyElementsOfTypes(ShipmentStatusChanged.class, ShipmentDelivered.class,
                ProofOfDeliveryRecorded.class);
    }

    @Test
    void shouldClearTheEstimateWhenTheLastFailedAttemptReturnsTheShipment() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        DeliveryPolicy oneAttempt = new DeliveryPolicy(EnumSet.allOf(ProofKind.class), 1, 1000);
        Shipment shipment = promisedInTransit(kolkata);
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, kolkata, null, oneAttempt, agent, AT);

        shipment.failDelivery(FailureReason.REFUSED, "5 MG Road", null, kolkata, null, oneAttempt, agent, AT);

        assertThat(shipment.status()).isEqualTo(RETURNED);
        assertThat(shipment.estimatedDelivery()).as("no longer expected").isNull();
        assertThat(shipment.latestUpdate().timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(shipment.estimateRevisions()).extracting(EstimateRevision::reason)
                .containsExactly("booked", "out_for_delivery", "delivery_failed", "returned");
    }

    private Shipment promisedInTransit(ZoneId zone) {
        Shipment shipment = Shipment.book(new TrackingNumber("TRK79927398713"), customer,
                new ShipmentDetails("Chennai", "5 MG Road, Bengaluru", "Ravi Kumar", "+919840000000",
                        new BigDecimal("1"), null), ServiceLevel.STANDARD, TODAY.plusDays(3), zone, customer, AT)
                .shipment();
        shipment.assignAgent(agent, AT);
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, zone, null, agent, AT);
        return shipment;
    }

    private static <T> T last(List<T> items) {
        return items.get(items.size() - 1);
    }

    @Test
    void shouldShowTheReceiverByInitialsOnly() {
        assertThat(ProofOfDelivery.initials("Ravi Kumar")).isEqualTo("R. K.");
        assertThat(ProofOfDelivery.initials("  asha  rao-menon ")).isEqualTo("A. R. M.");
        assertThat(ProofOfDelivery.initials("Ö")).isEqualTo("Ö.");
    }
}
