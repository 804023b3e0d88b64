package io.waybill.linehaul;

import io.waybill.kernel.ConflictException;

/**
 * The flight-data provider is not configured, did not answer, or answered something unusable. A
 * conflict with the state of the outside world rather than a fault of the request or of the server:
 * the caller may try again later.
 */
public class FlightDataUnavailableException extends ConflictException {

    public FlightDataUnavailableException(String message) {
        super(message);
    }
}
