package io.waybill.kernel;

/**
 * Requests to paths matching {@code pathPattern} (Ant style, e.g. {@code /shipments/*}{@code /proof-of-delivery})
 * may carry bodies up to {@code maxBytes} instead of {@code waybill.max-request-size}: declared as a
 * bean by the module that owns an upload endpoint, so that only that endpoint takes large bodies.
 */
public record LargeBodyPath(String pathPattern, long maxBytes) {

    public LargeBodyPath {
        if (pathPattern == null || pathPattern.isBlank() || maxBytes < 1) {
            throw new IllegalArgumentException("A large-body path needs a pattern and a positive size");
        }
    }
}
