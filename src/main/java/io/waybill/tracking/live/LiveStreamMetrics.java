package io.waybill.tracking.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.waybill.tracking.LiveUpdates;
import org.springframework.stereotype.Component;

/** The live streams (WebSocket and SSE) open on this instance: {@code waybill_live_connections}. */
@Component
class LiveStreamMetrics implements MeterBinder {

    private final LiveUpdates live;

    LiveStreamMetrics(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("waybill.live.connections", live, LiveUpdates::connected)
                .description("Live update streams open on this instance")
                .strongReference(true)
                .register(registry);
    }
}
