package io.waybill.notifications;

import java.time.Instant;

/**
 * What the public tracking page says first about a shipment, and nothing more: its status, where it
 * was last seen and when the status was recorded. No names, addresses, phones or accounts, so that
 * it may be told to anyone who knows the number, as {@code GET /track/{number}} does.
 *
 * @param sequence the history entry it shows (the booking is 0)
 */
public record PublicStatus(String trackingNumber, String status, String location, Instant updatedAt, int sequence) {
}
