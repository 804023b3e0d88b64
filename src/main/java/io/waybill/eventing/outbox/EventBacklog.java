package io.waybill.eventing.outbox;

import io.waybill.eventing.EventHandler;
import io.waybill.kernel.TenantContext;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much of the event flow is still under way: events not yet relayed, plus, with in-process
 * delivery, events each consumer group has not yet read. Zero means every committed change has
 * reached every consumer (with Kafka, that it has reached the broker).
 */
@Component
public class EventBacklog {

    private final JdbcClient jdbc;
    private final List<EventHandler> handlers;
    private final boolean inProcess;

    EventBacklog(JdbcClient jdbc, List<EventHandler> handlers, List<EventTransport> transports) {
        this.jdbc = jdbc;
        this.handlers = handlers;
        this.inProcess = transports.stream().anyMatch(InProcessTransport.class::isInstance);
    }

    /** Every tenant's events (V192), counted as the platform, whose rows the offsets are. */
    public long unrelayed() {
        return TenantContext.callAs(TenantContext.DEFAULT,
                () -> jdbc.sql("select eventing.unpublished_count()").query(Long.class).single());
    }

    public long pending() {
        return TenantContext.callAs(TenantContext.DEFAULT, () -> {
            long pending = unrelayed();
            if (inProcess) {
                for (EventHandler handler : handlers) {
                    pending += jdbc.sql("""
                            select eventing.positioned_count(coalesce((select position from eventing.consumer_offsets
                                                                       where consumer_group = ?), 0), ?)""")
                            .params(handler.group(), handler.topics().toArray(String[]::new))
                            .query(Long.class).single();
                }
            }
            return pending;
        });
    }
}
