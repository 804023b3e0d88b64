package io.waybill.shipments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The shipments module's copy of the network it needs (schema {@code shipments}): the lanes that
 * promise delivery dates, and the hubs' names (printed on labels), cities and time zones (that local
 * times are shown in), kept by {@link NetworkDirectory} from the network module's {@code lane.*} and
 * {@code hub.*} events. Each event carries its subject's whole state, so a write replaces a row only
 * with a newer state, and a removal is final: events of different topics may come in any order, and a
 * replayed one changes nothing.
 */
public interface NetworkCopy {

    /** The lanes not removed. */
    List<TransitLane> lanes();

    /** The hubs not removed. */
    List<HubPlace> hubs();

    /**
     * One hub as last known, removed or not (a parcel routed to a hub since closed still carries its
     * name); empty while no state of it has reached this module.
     */
    Optional<HubPlace> hub(UUID hubId);

    /** Stores a lane's state as of {@code asOf}, unless a newer state or a tombstone is stored. */
    void storeLane(UUID laneId, TransitLane lane, Instant asOf);

    /** Marks the lane removed for good. */
    void removeLane(UUID laneId, Instant removedAt);

    /** Stores a hub's name, city and zone as of {@code asOf}, unless a newer state or a tombstone is stored. */
    void storeHub(UUID hubId, String hubName, String city, String timeZone, Instant asOf);

    /** Marks the hub removed for good; its last state stays readable by {@link #hub(UUID)}. */
    void removeHub(UUID hubId, Instant removedAt);
}
