package io.waybill.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write endpoint (a controller method) that honours an {@code Idempotency-Key} header: the
 * same key, from the same caller, with the same request, answers what the first request answered,
 * without doing the work again. Marking the method is all an endpoint needs; the security module's
 * idempotency filter does the rest (see {@code io.waybill.security.idempotency}). Requests without
 * the header are handled as usual.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /** The request header that carries the key. */
    String HEADER = "Idempotency-Key";

    /** The answer header that says an answer is the replay of an earlier one. */
    String REPLAYED_HEADER = "Idempotent-Replayed";
}
