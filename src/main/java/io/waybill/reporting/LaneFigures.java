package io.waybill.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The line-haul figures per lane (origin hub to destination hub) and day, kept by
 * {@link LaneProjection} from line haul's bag events: bags sealed and the shipments in them on the
 * day they were sealed, bags arrived (and how many of those had a due time and kept it) on the day
 * they arrived.
 */
public interface LaneFigures {

    void sealed(LocalDate day, UUID originHubId, UUID destinationHubId, int shipments);

    void arrived(LocalDate day, UUID originHubId, UUID destinationHubId, BagArrival arrival);

    /** The lanes with any figure that day, by origin then destination hub id. */
    List<LaneDay> day(LocalDate day);

    record LaneDay(UUID originHubId, UUID destinationHubId, long bags, long shipments, long bagsArrived,
            long arrivalsTimed, long arrivalsOnTime) {
    }
}
