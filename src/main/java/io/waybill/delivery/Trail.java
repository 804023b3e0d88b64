package io.waybill.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent's points in a window, oldest first. When the window holds more points than one answer
 * carries, {@code nextFrom} is where the rest begins (ask again with it as {@code from}); null when
 * this is all.
 */
public record Trail(UUID agentId, TrailWindow window, List<LocationPoint> points, Instant nextFrom) {
}
