package io.waybill.shipments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import io.waybill.shipments.CashCollection;
import io.waybill.shipments.CollectionMethod;
import io.waybill.shipments.Payment;
import io.waybill.shipments.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The payment fields of a body and of an answer. Money travels as {@code amount_minor}, a whole
 * number of the currency's minor units (read as a decimal only to refuse 12.5 rather than round it),
 * and {@code currency}, an ISO 4217 code.
 */
final class PaymentParameters {

    private PaymentParameters() {
    }

    @Schema(name = "PaymentRequest", description = "How the shipment is paid for; prepaid when left out")
    record PaymentRequest(
            @Schema(allowableValues = {"prepaid", "cash_on_delivery"}, example = "cash_on_delivery") String method,
            @Schema(description = "cash_on_delivery only: the amount due in minor units (paise for INR)",
                    example = "45000", type = "integer", format = "int64") BigDecimal amountMinor,
            @Schema(description = "ISO 4217, with amount_minor", example = "INR") String currency) {
    }

    @Schema(name = "CollectionRequest", description = "What the agent took at the door of a cash-on-delivery "
            + "shipment")
    record CollectionRequest(@Schema(example = "45000", type = "integer", format = "int64") BigDecimal amountMinor,
            @Schema(example = "INR") String currency,
            @Schema(allowableValues = {"cash", "card", "upi"}, example = "cash") String method) {
    }

    /** The payment a request gives: null when it gives none. */
    static Payment payment(PaymentRequest request) {
        if (request == null) {
            return null;
        }
        PaymentMethod method = request.method() == null || request.method().isBlank() ? null
                : PaymentMethod.fromWire(request.method()).orElseThrow(() -> new InvalidRequestException(
                        "payment.method", "must be one of " + PaymentMethod.allWireNames()));
        Money amount = request.amountMinor() == null && request.currency() == null ? null
                : Money.parse("payment", request.amountMinor(), request.currency());
        return Payment.booked(method, amount);
    }

    static Payment.Collected collection(CollectionRequest request) {
        if (request == null) {
            return null;
        }
        CollectionMethod method = request.method() == null || request.method().isBlank() ? null
                : CollectionMethod.fromWire(request.method()).orElseThrow(() -> new InvalidRequestException(
                        "collection.method", "must be one of " + CollectionMethod.allWireNames()));
        return new Payment.Collected(Money.parse("collection", request.amountMinor(), request.currency()), method);
    }

    /** A shipment's payment on the wire: {@code {"method": "prepaid"}}, or cash on delivery with its state. */
    @Schema(name = "Payment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentResponse(@Schema(allowableValues = {"prepaid", "cash_on_delivery"}) String method,
            @Schema(description = "cash_on_delivery: the amount due, in minor units") Long amountMinor,
            String currency,
            @Schema(description = "cash_on_delivery only", allowableValues = {"pending", "collected", "remitted",
                    "refunded"}) String status,
            @Schema(description = "cash_on_delivery: whether an admin let the agent collect another amount")
            Boolean mismatchAllowed,
            CollectionResponse collection, UUID remittanceId) {

        static PaymentResponse of(Payment payment) {
            if (!payment.isCashOnDelivery()) {
                return new PaymentResponse(payment.method().wireName(), null, null, null, null, null, null);
            }
            return new PaymentResponse(payment.method().wireName(), payment.amount().amountMinor(),
                    payment.amount().currencyCode(), payment.status().wireName(), payment.mismatchAllowed(),
                    CollectionResponse.of(payment.collection()), payment.remittanceId());
        }
    }

    /** What was taken at the door. */
    record CollectionResponse(long amountMinor, String currency, String method, UUID collectedBy,
            Instant collectedAt) {

        static CollectionResponse of(CashCollection collection) {
            return collection == null ? null : new CollectionResponse(collection.amount().amountMinor(),
                    collection.amount().currencyCode(), collection.method().wireName(), collection.collectedBy(),
                    collection.collectedAt());
        }
    }
}
