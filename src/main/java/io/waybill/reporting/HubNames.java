package io.waybill.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reporting module's copy of the hubs ({@code reporting.hubs}): what a report calls them, kept
 * by {@link HubDirectory} from the network module's {@code hub.*} events. Each event carries a hub's
 * whole state, so a write replaces the row only with a newer state: events of different topics may
 * arrive in any order, and a replayed one changes nothing.
 */
public interface HubNames {

    /** Stores a hub's name and city as of {@code asOf}, unless a newer state or a tombstone is stored. */
    void store(UUID hubId, String hubName, String city, Instant asOf);

    /** Marks the hub removed for good. */
    void remove(UUID hubId, Instant removedAt);

    /** The hubs not removed, oldest first, as the network module lists them. */
    List<Named> live();

    /** A hub as a report names it. */
    record Named(UUID hubId, String hubName, String city) {
    }
}
