package io.waybill.reporting;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.linehaul.BagScanned;
import io.waybill.linehaul.BagSealed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps the per-lane figures from line haul's {@code bag.sealed} and {@code bag.scanned} events, in
 * a consumer group of its own ({@code reporting-lanes}) so that its offsets and failures never hold
 * up the shipment counters. Each event names its bag's lane itself, so the two topics may arrive in
 * any order. An arrival scanned before events named the lane cannot be placed, and is left out.
 */
@Component
class LaneProjection implements EventHandler {

    private static final String ARRIVED = "arrived";

    private final LaneFigures lanes;

    LaneProjection(LaneFigures lanes) {
        this.lanes = lanes;
    }

    @Override
    public String group() {
        return "reporting-lanes";
    }

    @Override
    public Set<String> topics() {
        return Set.of(BagSealed.TOPIC, BagScanned.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case BagSealed.TOPIC -> {
                BagSealed sealed = event.payloadAs(BagSealed.class);
                lanes.sealed(day(sealed.occurredAt()), sealed.originHubId(), sealed.destinationHubId(),
                        sealed.shipmentCount());
            }
            case BagScanned.TOPIC -> {
                BagScanned scanned = event.payloadAs(BagScanned.class);
                if (ARRIVED.equals(scanned.event()) && scanned.originHubId() != null) {
                    lanes.arrived(day(scanned.occurredAt()), scanned.originHubId(), scanned.destinationHubId(),
                            new BagArrival(scanned.occurredAt(), scanned.dueAt()));
                }
            }
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
