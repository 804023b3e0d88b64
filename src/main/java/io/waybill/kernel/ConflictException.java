package io.waybill.kernel;

/** The request is well-formed but clashes with the current state (duplicate, illegal transition). */
public class ConflictException extends RefusalException {

    public ConflictException(String message) {
        super(message);
    }
}
