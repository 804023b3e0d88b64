package io.waybill.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method an API key may call only if it holds this scope (bearer tokens are not
 * concerned: the role checks decide for them). The security module refuses a key without it with a
 * 403 naming the scope. A method with neither this nor {@link NoApiKeys} is open to a key that holds
 * every scope its owner's role allows (the keys issued before scopes existed), and refused to a
 * narrower one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    ApiScope value();
}
