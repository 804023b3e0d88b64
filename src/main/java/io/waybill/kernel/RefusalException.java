package io.waybill.kernel;

/**
 * A request the domain refuses for a reason the client can act on. Each subclass maps to one
 * HTTP status in the web layer; the domain itself knows nothing of HTTP.
 */
public abstract class RefusalException extends RuntimeException {

    protected RefusalException(String message) {
        super(message, null, false, false);
    }
}
