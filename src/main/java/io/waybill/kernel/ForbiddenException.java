package io.waybill.kernel;

/** The caller is known, and may know the thing exists, but may not do this to it. */
public class ForbiddenException extends RefusalException {

    public ForbiddenException(String message) {
        super(message);
    }
}
