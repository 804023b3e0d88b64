package io.waybill.eventing.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.eventing.EventHandler;
import io.waybill.kernel.PlatformProperties;
import io.waybill.kernel.TenantContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far behind the event flow is, as gauges: the age of the oldest event not yet relayed
 * ({@code waybill_outbox_lag_seconds}), and with in-process delivery each consumer group's distance
 * from the relay's high-water mark ({@code waybill_consumer_lag_events{group}}). With Kafka, the
 * consumers' lag is Kafka's own {@code kafka_consumer_fetch_manager_records_lag_max}, which
 * spring-kafka binds. The figures are read every few seconds on a thread of their own, so a scrape
 * never waits on the database (NaN while it cannot be read).
 */
@Component
class EventFlowMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventFlowMetrics.class);

    private final JdbcClient jdbc;
    private final boolean inProcess;
    private final List<String> groups;
    private final ScheduledExecutorService refresher;
    private volatile double outboxLagSeconds = Double.NaN;
    private volatile Map<String, Double> consumerLag = Map.of();

    EventFlowMetrics(JdbcClient jdbc, List<EventHandler> handlers, List<EventTransport> transports,
            MeterRegistry registry, PlatformProperties properties) {
        Duration refresh = properties.metrics().refresh();
        this.jdbc = jdbc;
        this.inProcess = transports.stream().anyMatch(InProcessTransport.class::isInstance);
        Gauge.builder("waybill.outbox.lag", this, metrics -> metrics.outboxLagSeconds)
                .description("Age of the oldest event not yet relayed (0 when none is waiting)")
                .baseUnit("seconds").register(registry);
        this.groups = handlers.stream().map(EventHandler::group).distinct().toList();
        if (inProcess) {
            for (String group : groups) {
                Gauge.builder("waybill.consumer.lag", this, metrics -> metrics.consumerLag.getOrDefault(group, Double.NaN))
                        .description("Events relayed that this consumer group has not yet read")
                        .baseUnit("events").tag("group", group).register(registry);
            }
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-flow-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refresh() {
        // The platform's rows (the offsets, the relay's mark) are the default tenant's; the outbox is read across tenants.
        TenantContext.runAs(TenantContext.DEFAULT, this::read);
    }

    private void read() {
        try {
            // The oldest unpublished row, through the partial index on unpublished ids.
            outboxLagSeconds = jdbc.sql("""
                    select coalesce(extract(epoch from now() - eventing.oldest_unpublished_at()), 0)""")
                    .query(Double.class).single();
            if (inProcess) {
                long high = jdbc.sql("select last_position from eventing.relay_state").query(Long.class).single();
                Map<String, Double> lag = new HashMap<>();
                jdbc.sql("select consumer_group, position from eventing.consumer_offsets")
                        .query((rs, n) -> lag.put(rs.getString(1), (double) Math.max(0, high - rs.getLong(2))))
                        .list();
                // A group that has not read yet starts from the beginning.
                groups.forEach(group -> lag.putIfAbsent(group, (double) high));
                consumerLag = lag;
            }
        } catch (RuntimeException unreadable) {
            outboxLagSeconds = Double.NaN;
            consumerLag = Map.of();
            log.debug("Could not read the event flow's lag: {}", unreadable.toString());
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
