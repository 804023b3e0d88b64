package io.waybill.kernel;

/**
 * A signed-in principal that is not itself a {@link Caller} but acts as one: the web pages' session
 * user. What keys its work to a caller (idempotency keys) takes the caller from it, so a page's
 * replayed action and an API call are kept apart by account the same way.
 */
public interface CallerPrincipal {

    Caller caller();
}
