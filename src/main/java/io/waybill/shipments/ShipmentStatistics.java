package io.waybill.shipments;

import java.time.LocalDate;

/**
 * A day's figures recounted from the shipments' own tables, without exposing them. The reporting
 * module keeps the same figures from events; this recount is what they are checked against.
 */
public interface ShipmentStatistics {

    DailyFigures dailyFigures(LocalDate date);
}
