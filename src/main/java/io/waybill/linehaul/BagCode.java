package io.waybill.linehaul;

import io.waybill.kernel.InvalidRequestException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A bag's code: {@code BAG}, nine digits and a check digit (Damm's algorithm, which catches every
 * single wrong digit and every swap of two neighbours). Shorter than a tracking number and with its
 * own prefix, so a scanner's read is never taken for the other.
 */
public record BagCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("BAG[0-9]{10}");
    private static final String PREFIX = "BAG";

    /** Damm's quasigroup of order 10: the row is the interim digit, the column the next one. */
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    public BagCode {
        if (value == null || !SHAPE.matcher(value).matches() || interim(value.substring(PREFIX.length())) != 0) {
            throw new IllegalArgumentException("Not a bag code: " + value);
        }
    }

    /** A new code from nine random digits. */
    static BagCode random(RandomGenerator random) {
        String digits = String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
        return new BagCode(PREFIX + digits + interim(digits));
    }

    /** The code a scanner or a client sent, whatever its case and surrounding spaces; empty if it is not one. */
    public static Optional<BagCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        if (interim(candidate.substring(PREFIX.length())) != 0) {
            throw new InvalidRequestException("code", "has a bag code whose check digit is wrong: scan it again");
        }
        return Optional.of(new BagCode(candidate));
    }

    private static int interim(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    @Override
    public String toString() {
        return value;
    }
}
