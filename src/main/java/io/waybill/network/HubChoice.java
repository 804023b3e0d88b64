package io.waybill.network;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which hub a shipment starts from: of the hubs whose city appears in the source address as whole
 * words, the one with the longest city name (so "New Delhi" beats "Delhi" for an address in New
 * Delhi), then the oldest, then the smallest id, so that every instance chooses the same hub. An
 * address in a city without a hub gets none.
 */
final class HubChoice {

    private static final Comparator<Hub> PREFERRED = Comparator.comparingInt((Hub hub) -> hub.city().length())
            .reversed()
            .thenComparing(Hub::createdAt)
            .thenComparing(Hub::id);

    private HubChoice() {
    }

    static Optional<Hub> forAddress(Collection<Hub> hubs, String sourceAddress) {
        return hubs.stream().filter(hub -> hub.serves(sourceAddress)).min(PREFERRED);
    }
}
