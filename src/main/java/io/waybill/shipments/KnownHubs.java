package io.waybill.shipments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The shipments module's copy of the hubs' names ({@code shipments.hubs}), which labels print for the
 * routed hub; kept by {@link HubNameFeed} from the network module's {@code hub.*} events. Each event
 * carries a hub's whole state, so a write replaces the row only with a newer state: events of
 * different topics may arrive in any order, and a replayed one changes nothing.
 */
public interface KnownHubs {

    /** Stores a hub's name and city as of {@code asOf}, unless a newer state or a tombstone is stored. */
    void store(UUID hubId, String hubName, String city, Instant asOf);

    /** Marks the hub removed; its last name stays, for the parcels routed there. */
    void remove(UUID hubId, Instant removedAt);

    /** The hub's name and city, if its name is known here. */
    Optional<Named> find(UUID hubId);

    /** A hub as a label names it. */
    record Named(String hubName, String city) {

        /** {@code Chennai Central, Chennai}, or the name alone when it already says the city. */
        public String printed() {
            if (city == null || city.isBlank() || hubName.toLowerCase(java.util.Locale.ROOT)
                    .contains(city.toLowerCase(java.util.Locale.ROOT))) {
                return hubName;
            }
            return hubName + ", " + city;
        }
    }
}
