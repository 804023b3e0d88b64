package io.waybill.shipments;

import io.waybill.kernel.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What an agent took at the door for a cash-on-delivery shipment, how, and when. */
public record CashCollection(Money amount, CollectionMethod method, UUID collectedBy, Instant collectedAt) {

    public CashCollection {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(method);
        Objects.requireNonNull(collectedBy);
        Objects.requireNonNull(collectedAt);
    }
}
