package io.waybill.shipments.web;

import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.shipments.ShipmentStatus;

/** Reads a status from the wire: a bad one in a body is a 422, in a query a 400. */
final class StatusParameter {

    private StatusParameter() {
    }

    static ShipmentStatus fromBody(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("status", "is required");
        }
        return ShipmentStatus.fromWire(value).orElseThrow(() ->
                new InvalidRequestException("status", "must be one of " + ShipmentStatus.allWireNames()));
    }

    static ShipmentStatus fromQuery(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return ShipmentStatus.fromWire(value).orElseThrow(() ->
                new BadParameterException("status", "must be one of " + ShipmentStatus.allWireNames()));
    }
}
