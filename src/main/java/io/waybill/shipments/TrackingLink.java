package io.waybill.shipments;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The public address of a shipment's tracking page, {@code <base>/t/<tracking number>}: what a
 * label's QR code holds, so that a phone camera opens the page and a scanner's read leads back to
 * the shipment ({@link ScanCode}). The base is the deployment's public address, without a
 * trailing slash.
 */
public record TrackingLink(String baseUrl) {

    /** The path segment before the number: short, so that the QR code stays small and easy to read. */
    static final String PAGE_SEGMENT = "t";

    public TrackingLink {
        Objects.requireNonNull(baseUrl);
        URI uri = URI.create(baseUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("Not an http(s) base URL without query or fragment: " + baseUrl);
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    public String to(TrackingNumber trackingNumber) {
        return baseUrl + "/" + PAGE_SEGMENT + "/" + trackingNumber.value();
    }
}
