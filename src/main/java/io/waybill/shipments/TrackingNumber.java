package io.waybill.shipments;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import java.util.random.RandomGenerator;

/**
 * A shipment's public number: {@code TRK}, ten random digits and a Luhn check digit over them
 * (14 characters). Random, not sequential, so numbers cannot be enumerated; the check digit lets
 * a mistyped number be refused without a database lookup. Part of the events' vocabulary: a
 * consumer that looks shipments up by number checks a number the way it was made.
 */
@NamedInterface("events")
public record TrackingNumber(String value) {

    private static final String PREFIX = "TRK";
    private static final int PAYLOAD_DIGITS = 10;
    public static final int LENGTH = PREFIX.length() + PAYLOAD_DIGITS + 1;

    public TrackingNumber {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not a valid tracking number: " + value);
        }
    }

    /** Parses what a client typed: upper-cased and trimmed; empty if malformed or the check digit is wrong. */
    public static Optional<TrackingNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim().toUpperCase(java.util.Locale.ROOT);
        return isWellFormed(candidate) ? Optional.of(new TrackingNumber(candidate)) : Optional.empty();
    }

    public static TrackingNumber random(RandomGenerator random) {
        StringBuilder payload = new StringBuilder(PAYLOAD_DIGITS);
        for (int i = 0; i < PAYLOAD_DIGITS; i++) {
            payload.append((char) ('0' + random.nextInt(10)));
        }
        return new TrackingNumber(PREFIX + payload + checkDigit(payload));
    }

    static char checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(value.substring(PREFIX.length(), LENGTH - 1)) == value.charAt(LENGTH - 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
