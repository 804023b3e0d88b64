package io.waybill.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method no API key may call, whatever its scopes: managing keys takes a bearer
 * token, so that a leaked key cannot mint more keys or outlive its own revocation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoApiKeys {
}
