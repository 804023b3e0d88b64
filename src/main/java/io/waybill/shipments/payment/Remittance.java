package io.waybill.shipments.payment;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Cash an agent handed in, as an admin recorded it: never more than the agent holds in that
 * currency, so that an agent's balance never goes below zero.
 *
 * @param reference the admin's reference (a deposit slip, a receipt number); may be null
 */
public record Remittance(UUID id, UUID agentId, Money amount, String reference, UUID recordedBy,
        Instant recordedAt) {

    static final int MAX_REFERENCE = 200;

    public Remittance {
        Objects.requireNonNull(id);
        Objects.requireNonNull(agentId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(recordedBy);
        Objects.requireNonNull(recordedAt);
    }

    /** A new remittance of {@code amount} from an agent who holds {@code outstanding} in its currency. */
    static Remittance record(UUID agentId, Money amount, Money outstanding, String reference, UUID by, Instant at) {
        if (amount.isZero()) {
            throw new InvalidRequestException("amount_minor", "must be more than 0");
        }
        if (amount.compareTo(outstanding) > 0) {
            throw new InvalidRequestException("amount_minor", "must be at most " + outstanding.amountMinor()
                    + ": the agent holds " + outstanding + " of collected cash not yet remitted, not " + amount);
        }
        return new Remittance(UUID.randomUUID(), agentId, amount,
                SingleLineText.optional("reference", reference, MAX_REFERENCE), by, at);
    }
}
