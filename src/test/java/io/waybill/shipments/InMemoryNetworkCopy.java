package io.waybill.shipments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The copy of lanes and hubs without a database, with the real one's rules: newer wins, removal is
 * final (a removed hub's last state stays readable by {@link #hub}).
 */
final class InMemoryNetworkCopy implements NetworkCopy {

    private final Map<UUID, TransitLane> lanes = new HashMap<>();
    private final Map<UUID, HubPlace> hubs = new HashMap<>();
    private final Map<UUID, Instant> asOf = new HashMap<>();
    private final Set<UUID> removed = new HashSet<>();

    @Override
    public synchronized List<TransitLane> lanes() {
        return new ArrayList<>(lanes.values());
    }

    @Override
    public synchronized List<HubPlace> hubs() {
        return hubs.values().stream().filter(hub -> !removed.contains(hub.hubId())).toList();
    }

    @Override
    public synchronized Optional<HubPlace> hub(UUID hubId) {
        return Optional.ofNullable(hubs.get(hubId));
    }

    @Override
    public synchronized void storeLane(UUID laneId, TransitLane lane, Instant at) {
        if (newer(laneId, at)) {
            lanes.put(laneId, lane);
        }
    }

    @Override
    public synchronized void removeLane(UUID laneId, Instant removedAt) {
        removed.add(laneId);
        lanes.remove(laneId);
    }

    @Override
    public synchronized void storeHub(UUID hubId, String hubName, String city, String timeZone, Instant at) {
        if (newer(hubId, at)) {
            hubs.put(hubId, new HubPlace(hubId, hubName, city, timeZone));
        }
    }

    @Override
    public synchronized void removeHub(UUID hubId, Instant removedAt) {
        removed.add(hubId);
    }

    private boolean newer(UUID id, Instant at) {
        if (removed.contains(id) || (asOf.containsKey(id) && !asOf.get(id).isBefore(at))) {
            return false;
        }
        asOf.put(id, at);
        return true;
    }
}
