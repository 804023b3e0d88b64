package io.waybill.kernel;

/** A field's value breaks a rule (422), named so that the client can point at it. */
public class InvalidRequestException extends RefusalException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
