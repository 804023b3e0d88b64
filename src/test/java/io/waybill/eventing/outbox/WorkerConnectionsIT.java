package io.waybill.eventing.outbox;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.BackgroundWork;
import io.waybill.kernel.TenantContext;
import io.waybill.network.HubCreated;
import io.waybill.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work (the relay and the event consumers) borrows its connections from a pool of its
 * own: with every connection of the requests' pool taken, as under a burst of bookings, an event
 * still goes through the relay and reaches its consumer.
 */
class WorkerConnectionsIT extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private EventPublisher events;

    @Test
    void shouldRelayAndConsumeEventsWhileEveryRequestConnectionIsTaken() throws SQLException {
        HikariDataSource requests = dataSource.unwrap(HikariDataSource.class);
        UUID hubId = UUID.randomUUID();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < requests.getMaximumPoolSize()) {
                held.add(requests.getConnection());
            }
            assertThat(requests.getHikariPoolMXBean().getIdleConnections()).as("no request connection is free").isZero();

            // The default tenant's work on the workers' own pool, as a consumer's would be.
            JdbcClient jdbc = JdbcClient.create(dataSource);
            BackgroundWork.run(() -> TenantContext.runAs(TenantContext.DEFAULT, () -> transaction.executeWithoutResult(
                    status -> events.publish(new HubCreated(hubId, "Hub " + hubId,
                            "Town" + hubId.toString().substring(0, 8), Instant.now(), "Asia/Kolkata")))));

            eventually(() -> BackgroundWork.run(() -> TenantContext.runAs(TenantContext.DEFAULT, () -> assertThat(jdbc.sql(
                    "select hub_name from shipments.network_hubs where hub_id = ?").param(hubId)
                    .query(String.class).optional()).as("the shipments module's copy of the hub")
                    .contains("Hub " + hubId))));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }
}
