package io.waybill.kernel;

/** A query or path parameter the server cannot use at all (400). */
public class BadParameterException extends RefusalException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
