package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a handheld scanner or a phone camera read from a parcel, recognised: today a shipment, by
 * its bare tracking number (the label's barcode) or by its public tracking URL (the label's QR
 * code, {@link TrackingLink}), or a bag, by the shape of its code ({@code BAG} and ten digits, the
 * bag label's QR code), whose scan is handed to whoever keeps bags ({@link BagScanning}), which also
 * checks the code's check digit. Anything else is refused as "not a shipment code".
 */
public sealed interface ScanCode {

    /** Longer than any code Waybill prints; a longer read is not one of ours. */
    int MAX_LENGTH = 2048;

    String NOT_A_SHIPMENT_CODE = "is not a shipment code (a tracking number such as TRK48213095572, or the "
            + "tracking URL of a Waybill label) nor a bag code (BAG4831209576)";

    /** Something shaped like a tracking number, whatever its check digit. */
    Pattern TRACKING_NUMBER_SHAPE = Pattern.compile("TRK[0-9]{11}", Pattern.CASE_INSENSITIVE);

    /** Something shaped like a bag code, whatever its check digit (the bags' keeper checks it). */
    Pattern BAG_CODE_SHAPE = Pattern.compile("BAG[0-9]{10}", Pattern.CASE_INSENSITIVE);

    /** A shipment's code: its tracking number, read bare or from its tracking URL. */
    record Parcel(TrackingNumber trackingNumber) implements ScanCode {
    }

    /** A bag's code as read, upper-cased; only its shape is known here. */
    record Bag(String code) implements ScanCode {
    }

    /**
     * Recognises a scanned code. A URL is recognised by its path, whatever its host (labels printed
     * before the public address changed still scan): its last segment is the number, after
     * {@code /t/} (the label's page) or {@code /track/} (the public API); a trailing slash, a query
     * and a fragment are ignored. 422 for anything else, and a number whose check digit is wrong is
     * told apart, so that the agent scans again instead of giving up.
     */
    static ScanCode read(String scanned) {
        if (scanned == null || scanned.isBlank()) {
            throw new InvalidRequestException("code", "is required");
        }
        String code = scanned.strip();
        if (code.length() > MAX_LENGTH) {
            throw new InvalidRequestException("code", NOT_A_SHIPMENT_CODE);
        }
        if (BAG_CODE_SHAPE.matcher(code).matches()) {
            return new Bag(code.toUpperCase(Locale.ROOT));
        }
        String candidate = isWebAddress(code) ? numberInPath(code).orElse(null) : code;
        if (candidate == null) {
            throw new InvalidRequestException("code", NOT_A_SHIPMENT_CODE);
        }
        Optional<TrackingNumber> number = TrackingNumber.parse(candidate);
        if (number.isPresent()) {
            return new Parcel(number.get());
        }
        if (TRACKING_NUMBER_SHAPE.matcher(candidate).matches()) {
            throw new InvalidRequestException("code", "has a tracking number whose check digit is wrong: scan it again");
        }
        throw new InvalidRequestException("code", NOT_A_SHIPMENT_CODE);
    }

    private static boolean isWebAddress(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The segment after {@code t} or {@code track} that ends the URL's path, if the path ends so. */
    private static Optional<String> numberInPath(String url) {
        String path;
        try {
            path = new URI(url).getPath();
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        String[] segments = path.substring(0, end).split("/");
        if (segments.length < 2) {
            return Optional.empty();
        }
        String page = segments[segments.length - 2].toLowerCase(Locale.ROOT);
        if (!page.equals(TrackingLink.PAGE_SEGMENT) && !page.equals("track")) {
            return Optional.empty();
        }
        return Optional.of(segments[segments.length - 1]);
    }
}
