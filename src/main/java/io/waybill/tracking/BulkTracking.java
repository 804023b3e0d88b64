package io.waybill.tracking;

import java.util.List;

/**
 * The answer to a lookup of many tracking numbers at once: one result per number, in the order
 * they were given, and how much of the caller's tracking budget is left (null when the caller is
 * not counted).
 */
public record BulkTracking(List<Result> results, Long limit, Long remaining) {

    /** The most numbers one request may look up. */
    public static final int MAX_NUMBERS = 100;

    public BulkTracking {
        results = List.copyOf(results);
    }

    /** What became of one number. */
    public enum Outcome {
        /** A shipment has this number: {@code shipment} is its public page. */
        FOUND,
        /** The number is well formed, but no shipment has it (yet). */
        NOT_FOUND,
        /** Not a tracking number: wrong form or check digit. */
        INVALID
    }

    /** One number's result; {@code shipment} only when found. */
    public record Result(String trackingNumber, Outcome outcome, PublicTracking shipment) {
    }
}
