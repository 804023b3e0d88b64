package io.waybill.shipments;

import static io.waybill.shipments.ShipmentStatus.IN_TRANSIT;
import static io.waybill.shipments.ShipmentStatus.OUT_FOR_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cash on delivery on the Shipment aggregate: booking, collection at the door, allowances, refunds. No Spring. */
class ShipmentPaymentTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Money DUE = Money.of(45000, "INR");

    private final UUID customer = UUID.randomUUID();
    private final UUID agent = UUID.randomUUID();

    private Shipment booked(Payment payment) {
        return Shipment.book(new TrackingNumber("TRK79927398713"), customer,
                new ShipmentDetails("Chennai", "5 MG Road, Bengaluru", "Ravi Kumar", "+919840000000", null, null),
                ServiceLevel.STANDARD, null, ZoneId.of("Asia/Kolkata"), payment, customer, AT).shipment();
    }

    private Shipment outForDelivery(Payment payment) {
        Shipment shipment = booked(payment);
        shipment.assignAgent(agent, AT);
        shipment.changeStatus(IN_TRANSIT, "Chennai hub", null, agent, AT);
        shipment.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, DeliveryPolicy.DEFAULT, agent, AT);
        return shipment;
    }

    private static DeliveryProof signature(Payment.Collected collected) {
        return new DeliveryProof(ProofKind.SIGNATURE, null, List.of("images/1.png"), "Ravi Kumar", null, null,
                collected);
    }

    private List<ShipmentEvent> deliver(Shipment shipment, Payment.Collected collected) {
        return shipment.deliver(signature(collected), "5 MG Road", DeliveryPolicy.DEFAULT, agent, AT);
    }

    private static Payment.Collected cash(long minor) {
        return new Payment.Collected(Money.of(minor, "INR"), CollectionMethod.CASH);
    }

    @Test
    void shouldBookPrepaidWithNothingToCollectAndCashOnDeliveryPending() {
        assertThat(booked(Payment.prepaid()).payment().status()).isNull();
        Payment cod = booked(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE)).payment();
        assertThat(cod.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(cod.amount()).isEqualTo(DUE);
    }

    @Test
    void shouldRefuseCashOnDeliveryWithoutAnAmountAndPrepaidWithOne() {
        assertThatThrownBy(() -> Payment.booked(PaymentMethod.CASH_ON_DELIVERY, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> Payment.booked(PaymentMethod.CASH_ON_DELIVERY, Money.of(0, "INR")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> Payment.booked(PaymentMethod.PREPAID, DUE))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only given for cash_on_delivery");
        assertThatThrownBy(() -> Payment.booked(null, DUE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.field()).isEqualTo("payment.method"));
    }

    @Test
    void shouldCollectTheAmountDueOnDeliveryAndAnnounceIt() {
        Shipment shipment = outForDelivery(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));

        List<ShipmentEvent> events = deliver(shipment, new Payment.Collected(DUE, CollectionMethod.UPI));

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(shipment.payment().status()).isEqualTo(PaymentStatus.COLLECTED);
        assertThat(shipment.payment().collection().collectedBy()).isEqualTo(agent);
        PaymentCollected collected = events.stream().filter(PaymentCollected.class::isInstance)
                .map(PaymentCollected.class::cast).findFirst().orElseThrow();
        assertThat(collected.amountMinor()).isEqualTo(45000);
        assertThat(collected.currency()).isEqualTo("INR");
        assertThat(collected.method()).isEqualTo("upi");
        assertThat(collected.agentId()).isEqualTo(agent);
        ShipmentStatusChanged delivered = events.stream().filter(ShipmentStatusChanged.class::isInstance)
                .map(ShipmentStatusChanged.class::cast).findFirst().orElseThrow();
        assertThat(delivered.paymentStatus()).isEqualTo("collected");
        assertThat(shipment.payment().isHeldByAgent()).as("UPI never sits with the agent").isFalse();
    }

    @Test
    void shouldRefuseADeliveryWithoutTheCollectionOfACashOnDeliveryShipmentAndChangeNothing() {
        Shipment shipment = outForDelivery(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));

        assertThatThrownBy(() -> deliver(shipment, null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.field()).isEqualTo("collection"));
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(shipment.payment().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void shouldRefuseAnotherAmountOrCurrencyUnlessAllowed() {
        Shipment shipment = outForDelivery(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));

        assertThatThrownBy(() -> deliver(shipment, cash(40000)))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("collection.amount_minor");
                    assertThat(refused.getMessage()).contains("INR 450.00");
                });
        assertThatThrownBy(() -> deliver(shipment, new Payment.Collected(Money.of(45000, "USD"),
                CollectionMethod.CASH)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.field()).isEqualTo("collection.currency"));
        assertThat(shipment.status()).isEqualTo(OUT_FOR_DELIVERY);

        shipment.allowCollectionMismatch(true, AT);
        assertThatThrownBy(() -> deliver(shipment, new Payment.Collected(Money.of(40000, "USD"),
                CollectionMethod.CASH))).as("an allowance never changes the currency")
                .isInstanceOf(InvalidRequestException.class);
        deliver(shipment, cash(40000));

        assertThat(shipment.payment().collection().amount()).isEqualTo(Money.of(40000, "INR"));
        assertThat(shipment.payment().amount()).isEqualTo(DUE);
        assertThat(shipment.payment().isHeldByAgent()).isTrue();
    }

    @Test
    void shouldRefuseACollectionForAPrepaidShipmentAndAnAllowanceForOne() {
        Shipment shipment = outForDelivery(Payment.prepaid());

        assertThatThrownBy(() -> deliver(shipment, cash(100)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("prepaid");
        assertThatThrownBy(() -> shipment.allowCollectionMismatch(true, AT)).isInstanceOf(ConflictException.class);
        List<ShipmentEvent> events = deliver(shipment, null);
        assertThat(events).noneMatch(PaymentCollected.class::isInstance);
    }

    @Test
    void shouldRefuseAnAllowanceOnceCollected() {
        Shipment shipment = outForDelivery(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));
        deliver(shipment, cash(45000));

        assertThatThrownBy(() -> shipment.allowCollectionMismatch(true, AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldKeepAPendingPaymentPendingWhenTheShipmentIsCancelledOrReturned() {
        Shipment cancelled = booked(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));
        cancelled.cancel(customer, AT);
        assertThat(cancelled.payment().status()).isEqualTo(PaymentStatus.PENDING);

        Shipment returned = outForDelivery(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));
        for (int attempt = 1; attempt <= DeliveryPolicy.DEFAULT.maxFailedAttempts(); attempt++) {
            returned.failDelivery(FailureReason.RECIPIENT_ABSENT, "Door", null, DeliveryPolicy.DEFAULT, agent, AT);
            if (returned.status() != ShipmentStatus.RETURNED) {
                returned.changeStatus(OUT_FOR_DELIVERY, "Bengaluru hub", null, DeliveryPolicy.DEFAULT, agent, AT);
            }
        }
        assertThat(returned.status()).isEqualTo(ShipmentStatus.RETURNED);
        assertThat(returned.payment().status()).isEqualTo(PaymentStatus.PENDING);
        assertThatThrownBy(() -> returned.refundPayment(customer, AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldRefundOnlyARemittedPayment() {
        Shipment shipment = outForDelivery(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE));
        deliver(shipment, cash(45000));

        assertThatThrownBy(() -> shipment.refundPayment(customer, AT)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("remits it first");

        Payment remitted = new Payment(PaymentMethod.CASH_ON_DELIVERY, DUE, PaymentStatus.REMITTED, false,
                shipment.payment().collection(), UUID.randomUUID());
        Shipment stored = Shipment.restore(shipment.id(), shipment.trackingNumber(), customer, shipment.details(),
                shipment.status(), agent, null, AT, AT, shipment.history(), shipment.serviceLevel(), null, null,
                List.of(), shipment.delivery(), remitted);
        List<ShipmentEvent> events = stored.refundPayment(customer, AT);

        assertThat(stored.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(events).singleElement().isInstanceOfSatisfying(PaymentRefunded.class, refunded -> {
            assertThat(refunded.amountMinor()).isEqualTo(45000);
            assertThat(refunded.agentId()).isEqualTo(agent);
        });
    }

    @Test
    void shouldChangeThePaymentOnlyBeforeDispatch() {
        Shipment shipment = booked(Payment.prepaid());
        shipment.changePayment(Payment.booked(PaymentMethod.CASH_ON_DELIVERY, DUE), AT);
        assertThat(shipment.payment().isCashOnDelivery()).isTrue();

        shipment.changeStatus(ShipmentStatus.PICKED_UP, "Chennai", null, agent, AT);
        assertThatThrownBy(() -> shipment.changePayment(Payment.prepaid(), AT)).isInstanceOf(ConflictException.class);
    }
}
