package io.waybill.shipments;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How a shipment is paid for, part of the {@link Shipment} aggregate. A {@code prepaid} shipment was
 * paid at booking: it carries no amount and no status, and nothing is collected at its door. A
 * {@code cash_on_delivery} one carries the amount due and a {@link PaymentStatus}:
 *
 * <ul>
 *   <li>{@code pending} from booking. The amount and method may change until dispatch. A shipment
 *       cancelled or returned with its payment pending stays {@code pending}: nothing was taken, so
 *       nothing is owed back, and its final status says it will never be collected.</li>
 *   <li>{@code collected} on delivery, with the amount taken and how ({@link CashCollection}). The
 *       amount must be the amount due, in its currency, unless an admin allowed a different amount
 *       for this shipment ({@link #allowingMismatch}).</li>
 *   <li>{@code remitted} when the agent's remittances cover it (cash only: card and UPI payments
 *       reach the company through their provider, never the agent's pocket).</li>
 *   <li>{@code refunded} when an admin pays the customer back, once the money is the company's
 *       (remitted): a refund from cash still in an agent's hands would unbalance their cash.</li>
 * </ul>
 *
 * @param amount the amount due; null when prepaid
 * @param status null when prepaid
 * @param mismatchAllowed whether the agent may collect another amount than the one due
 * @param collection what was taken at the door; null until collected
 * @param remittanceId the remittance that covered it; null until remitted
 */
public record Payment(PaymentMethod method, Money amount, PaymentStatus status, boolean mismatchAllowed,
        CashCollection collection, UUID remittanceId) {

    public Payment {
        Objects.requireNonNull(method);
        if ((method == PaymentMethod.CASH_ON_DELIVERY) != (amount != null && status != null)) {
            throw new IllegalArgumentException("A cash-on-delivery payment, and only one, has an amount and a status");
        }
    }

    public static Payment prepaid() {
        return new Payment(PaymentMethod.PREPAID, null, null, false, null, null);
    }

    /**
     * A booking's payment as the customer gives it: prepaid takes no amount; cash on delivery needs
     * one above zero.
     */
    public static Payment booked(PaymentMethod method, Money amount) {
        if (method == null) {
            throw new InvalidRequestException("payment.method", "is required: one of " + PaymentMethod.allWireNames());
        }
        if (method == PaymentMethod.PREPAID) {
            if (amount != null) {
                throw new InvalidRequestException("payment.amount_minor", "is only given for cash_on_delivery: a "
                        + "prepaid shipment has nothing to collect");
            }
            return prepaid();
        }
        if (amount == null || amount.isZero()) {
            throw new InvalidRequestException("payment.amount_minor", "must be more than 0 for cash_on_delivery");
        }
        return new Payment(method, amount, PaymentStatus.PENDING, false, null, null);
    }

    public boolean isCashOnDelivery() {
        return method == PaymentMethod.CASH_ON_DELIVERY;
    }

    /**
     * The admin's say on what the agent may collect: {@code allowed} lets the agent take another amount
     * than the one due (less when the recipient is short, more when a charge was added); while pending.
     */
    Payment allowingMismatch(boolean allowed) {
        if (!isCashOnDelivery()) {
            throw new ConflictException("This shipment is prepaid: nothing is collected at its door.");
        }
        if (status != PaymentStatus.PENDING) {
            throw new ConflictException("The payment is " + status.wireName() + ": what may be collected is decided "
                    + "before it is collected.");
        }
        return new Payment(method, amount, status, allowed, null, null);
    }

    /**
     * What the agent hands in at the door: required for cash on delivery, refused for prepaid. A
     * collection in another currency is always refused; another amount unless the admin allowed it.
     */
    Payment collect(Collected handedIn, UUID by, Instant at) {
        if (!isCashOnDelivery()) {
            if (handedIn != null) {
                throw new InvalidRequestException("collection", "is only given for cash_on_delivery: this shipment "
                        + "is prepaid");
            }
            return this;
        }
        if (status != PaymentStatus.PENDING) {
            throw new ConflictException("The payment is already " + status.wireName() + ".");
        }
        if (handedIn == null) {
            throw new InvalidRequestException("collection", "is required: this shipment is cash on delivery, "
                    + amount + " due; send {amount_minor, currency, method}");
        }
        if (!handedIn.amount().sameCurrencyAs(amount)) {
            throw new InvalidRequestException("collection.currency", "must be " + amount.currencyCode()
                    + ", the currency of the amount due");
        }
        if (handedIn.amount().compareTo(amount) != 0 && !mismatchAllowed) {
            throw new InvalidRequestException("collection.amount_minor", "must be " + amount.amountMinor() + " ("
                    + amount + " due), not " + handedIn.amount().amountMinor() + " (" + handedIn.amount()
                    + "); an admin may allow another amount for this shipment");
        }
        return new Payment(method, amount, PaymentStatus.COLLECTED, mismatchAllowed,
                new CashCollection(handedIn.amount(), handedIn.method(), by, at), null);
    }

    /** Paid back to the customer: only money the company holds (remitted). */
    Payment refunded() {
        if (status != PaymentStatus.REMITTED) {
            throw new ConflictException(status == null ? "This shipment is prepaid: Waybill holds nothing to refund."
                    : "The payment is " + status.wireName() + ": only a remitted payment can be refunded"
                    + (status == PaymentStatus.COLLECTED ? " (the agent remits it first)." : "."));
        }
        return new Payment(method, amount, PaymentStatus.REFUNDED, mismatchAllowed, collection, remittanceId);
    }

    /** Whether the agent who collected it holds the cash until a remittance covers it. */
    public boolean isHeldByAgent() {
        return status == PaymentStatus.COLLECTED && collection.method() == CollectionMethod.CASH;
    }

    /** What the agent says was taken at the door, before it is checked against what is due. */
    public record Collected(Money amount, CollectionMethod method) {

        public Collected {
            Objects.requireNonNull(amount);
            if (method == null) {
                throw new InvalidRequestException("collection.method", "is required: one of "
                        + CollectionMethod.allWireNames());
            }
        }
    }
}
