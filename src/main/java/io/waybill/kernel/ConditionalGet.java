package io.waybill.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read endpoint (a controller method) whose successful answers carry a strong
 * {@code ETag}, a hash of the body as sent, and that answers {@code If-None-Match} with that tag by
 * 304 without a body: a client that polls pays for a body only when it changed. The endpoint itself
 * says how its answer may be cached ({@code Cache-Control}); the kernel's web filter does the rest.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConditionalGet {
}
