package io.waybill.shipments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.payment.AgentCash;
import io.waybill.shipments.payment.AgentCashService;
import io.waybill.shipments.payment.Remittance;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cash on delivery over HTTP: what an admin decides about a shipment's payment, and agents' cash
 * (their balance, and the remittances an admin records).
 */
@RestController
@Tag(name = "Payments", description = "Cash on delivery: collection allowances, refunds, agents' cash and "
        + "remittances. Amounts are amount_minor (whole minor units) with an ISO 4217 currency.")
class PaymentController {

    private final ShipmentService shipments;
    private final AgentCashService cash;

    PaymentController(ShipmentService shipments, AgentCashService cash) {
        this.shipments = shipments;
        this.cash = cash;
    }

    @PutMapping(path = "/shipments/{id}/payment/allowance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Let the agent collect another amount", description = "Admins, for a cash_on_delivery "
            + "shipment whose payment is pending: allow_mismatch true lets its agent collect an amount other than "
            + "the one due (same currency); false takes that back. 409 when prepaid or already collected.")
    PaymentParameters.PaymentResponse allow(@Parameter(description = "UUID or tracking number") @PathVariable String id,
            @RequestBody AllowanceRequest request, Caller caller) {
        if (request.allowMismatch() == null) {
            throw new InvalidRequestException("allow_mismatch", "is required: true or false");
        }
        return PaymentParameters.PaymentResponse.of(shipments.allowCollectionMismatch(caller, id,
                request.allowMismatch()));
    }

    @PostMapping("/shipments/{id}/payment/refund")
    @PreAuthorize("hasRole('ADMIN')")
    @Idempotent
    @Operation(summary = "Record a refund", description = "Admins: the customer was paid back the remitted "
            + "cash-on-delivery payment of this shipment; its payment becomes refunded (payment.refunded). 409 "
            + "unless remitted (cash still with an agent is remitted first).")
    PaymentParameters.PaymentResponse refund(@Parameter(description = "UUID or tracking number") @PathVariable String id,
            Caller caller) {
        return PaymentParameters.PaymentResponse.of(shipments.refundPayment(caller, id));
    }

    @PostMapping(path = "/admin/agents/{id}/remittances", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Idempotent
    @Operation(summary = "Record cash an agent handed in", description = "At most what the agent holds in that "
            + "currency (422 above). Settles the agent's oldest cash collections it covers whole: their payment "
            + "becomes remitted (payment.remitted lists them).")
    @ApiResponse(responseCode = "201", description = "The remittance")
    ResponseEntity<RemittanceResponse> remit(@PathVariable UUID id, @RequestBody RemittanceRequest request,
            Caller caller) {
        Remittance remittance = cash.remit(caller, id, Money.parse("remittance", request.amountMinor(),
                request.currency()), request.reference());
        return ResponseEntity.created(URI.create("/admin/agents/" + id + "/cash"))
                .body(RemittanceResponse.of(remittance));
    }

    @GetMapping("/admin/agents/{id}/cash")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "An agent's cash", description = "Per currency: cash collected, remitted and "
            + "outstanding; the latest 100 collections (every method) and remittances, newest first.")
    CashResponse agentCash(@PathVariable UUID id, Caller caller) {
        return CashResponse.of(cash.cash(caller, id));
    }

    @GetMapping("/agents/me/cash")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "My cash", description = "The calling agent's cash, as GET /admin/agents/{id}/cash.")
    CashResponse ownCash(Caller caller) {
        return CashResponse.of(cash.ownCash(caller));
    }

    record AllowanceRequest(@Schema(example = "true") Boolean allowMismatch) {
    }

    record RemittanceRequest(@Schema(example = "45000", type = "integer", format = "int64") BigDecimal amountMinor,
            @Schema(example = "INR") String currency,
            @Schema(description = "A deposit slip or receipt number", example = "DEP-2026-1123-07") String reference) {
    }

    record RemittanceResponse(UUID id, UUID agentId, long amountMinor, String currency, String reference,
            UUID recordedBy, Instant recordedAt) {

        static RemittanceResponse of(Remittance remittance) {
            return new RemittanceResponse(remittance.id(), remittance.agentId(), remittance.amount().amountMinor(),
                    remittance.amount().currencyCode(), remittance.reference(), remittance.recordedBy(),
                    remittance.recordedAt());
        }
    }

    record CashResponse(UUID agentId, List<BalanceResponse> balances, List<CollectionLine> collections,
            List<RemittanceResponse> remittances) {

        static CashResponse of(AgentCash cash) {
            return new CashResponse(cash.agentId(), cash.balances().stream().map(BalanceResponse::of).toList(),
                    cash.collections().stream().map(CollectionLine::of).toList(),
                    cash.remittances().stream().map(RemittanceResponse::of).toList());
        }
    }

    record BalanceResponse(String currency, long collectedMinor, long remittedMinor, long outstandingMinor) {

        static BalanceResponse of(AgentCash.Balance balance) {
            return new BalanceResponse(balance.collected().currencyCode(), balance.collected().amountMinor(),
                    balance.remitted().amountMinor(), balance.outstanding().amountMinor());
        }
    }

    record CollectionLine(UUID shipmentId, String trackingNumber, long amountDueMinor, long amountMinor,
            String currency, @Schema(allowableValues = {"cash", "card", "upi"}) String method,
            @Schema(allowableValues = {"collected", "remitted", "refunded"}) String status, Instant collectedAt,
            UUID remittanceId) {

        static CollectionLine of(AgentCash.Collection collection) {
            return new CollectionLine(collection.shipmentId(), collection.trackingNumber(),
                    collection.amountDue().amountMinor(), collection.amount().amountMinor(),
                    collection.amount().currencyCode(), collection.method().wireName(), collection.status().wireName(),
                    collection.collectedAt(), collection.remittanceId());
        }
    }
}
