package io.waybill.kernel;

/** The thing does not exist, or the caller may not know that it does. */
public class NotFoundException extends RefusalException {

    public NotFoundException(String message) {
        super(message);
    }
}
