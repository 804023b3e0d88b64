package io.waybill.linehaul;

import java.time.Instant;

/**
 * What a flight-data provider says of a flight now: its status and, when it knows them, the
 * departure and arrival it expects (null: as scheduled, or unknown).
 */
public record FlightReport(FlightStatus status, Instant estimatedDeparture, Instant estimatedArrival) {
}
