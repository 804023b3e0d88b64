package io.waybill.kernel.web;

import java.io.IOException;

/**
 * Raised while reading a body that grew past {@code waybill.max-request-size}; the problem handler
 * answers 413, and so does a filter that reads a body before MVC does.
 */
public final class BodyTooLargeException extends IOException {

    BodyTooLargeException(String message) {
        super(message);
    }
}
