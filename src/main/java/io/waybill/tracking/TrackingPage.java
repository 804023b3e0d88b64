package io.waybill.tracking;

import java.util.UUID;

/**
 * A shipment's public page as it is sent: its JSON, rendered once when the page is cached rather
 * than at every lookup, and a strong ETag (a hash of exactly that JSON), so that a cached lookup
 * reads one Redis hash and writes its bytes, with no parsing, rendering or hashing per request.
 * {@code version} orders two pages of a shipment, as {@link TrackingDocument#version()} does.
 * {@code tenantId} is the shipment's tenant, whose carrier name is added to the page as it is sent.
 */
public record TrackingPage(String trackingNumber, long version, String json, String etag, UUID tenantId) {
}
