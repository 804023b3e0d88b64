package io.waybill.shipments;

import io.waybill.kernel.CityNames;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A lane as the shipments module knows it from the network module's {@code lane.*} events: the
 * calendar days a parcel takes from one city to another, per service level.
 */
public record TransitLane(String originCity, String destinationCity, int standardTransitDays,
        int expressTransitDays) {

    /** Lanes whose cities are named by the addresses are preferred with the longest origin, then destination. */
    private static final Comparator<TransitLane> PREFERRED = Comparator
            .comparing(TransitLane::originCity, CityNames.preference())
            .thenComparing(TransitLane::destinationCity, CityNames.preference());

    public int transitDays(ServiceLevel level) {
        return level == ServiceLevel.EXPRESS ? expressTransitDays : standardTransitDays;
    }

    /**
     * The lane a shipment travels: the one whose origin city the source address names and whose
     * destination city the destination address names, read as hub choice reads a city in an address
     * (whole words, ignoring case, the longest name first, so "New Delhi" beats "Delhi"); none when no
     * lane matches both.
     */
    public static Optional<TransitLane> between(Collection<TransitLane> lanes, String sourceAddress,
            String destinationAddress) {
        return lanes.stream()
                .filter(lane -> CityNames.names(sourceAddress, lane.originCity())
                        && CityNames.names(destinationAddress, lane.destinationCity()))
                .min(PREFERRED);
    }
}
