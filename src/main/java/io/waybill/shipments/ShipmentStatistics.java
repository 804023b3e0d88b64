package io.waybill.shipments;

import java.time.LocalDate;

/** Figures about shipments for reporting, without exposing the module's tables. */
public interface ShipmentStatistics {

    DailyFigures dailyFigures(LocalDate date);
}
