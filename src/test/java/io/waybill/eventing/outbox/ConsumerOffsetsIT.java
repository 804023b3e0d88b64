package io.waybill.eventing.outbox;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every in-process consumer group moves up to the relay's high-water mark, also past events of
 * topics it ignores, so that no poll scans the same stretch of the outbox twice.
 */
class ConsumerOffsetsIT extends ApiTest {

    @Test
    void shouldMoveEveryGroupPastEventsItIgnores() {
        Account customer = customer();
        Account agent = agent();
        String id = book(customer).text("id");
        assign(id, agent);
        assertThat(api.put("/shipments/" + id + "/status", agent.token(),
                Map.of("status", "picked_up", "location", "Chennai")).status()).isEqualTo(200);
        awaitEvents();

        eventually(() -> assertThat(database().sql("""
                select consumer_group from eventing.consumer_offsets
                where position < (select last_position from eventing.relay_state)""")
                .query(String.class).list()).as("groups behind the relay's high-water mark").isEmpty());
    }
}
