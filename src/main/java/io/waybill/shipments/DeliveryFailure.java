package io.waybill.shipments;

import java.time.Instant;

/** One failed delivery attempt: its number (the first is 1), the reason the agent gave and when. */
public record DeliveryFailure(int attempt, FailureReason reason, Instant failedAt) {
}
