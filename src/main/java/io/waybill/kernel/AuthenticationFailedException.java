package io.waybill.kernel;

/** Credentials or a token the server does not accept (401). */
public class AuthenticationFailedException extends RefusalException {

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
