package io.waybill.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxJanitorIT extends ApiTest {

    @Autowired
    private OutboxJanitor janitor;

    @Test
    void shouldRemoveOnlyOldEventsThatEveryConsumerHasRead() {
        awaitEvents();
        long oldAndRead = -1_000_000_000L - System.nanoTime() % 1_000_000;
        UUID old = insert(oldAndRead, Instant.now().minus(Duration.ofDays(30)));
        UUID recent = insert(oldAndRead - 1, Instant.now().minus(Duration.ofHours(1)));
        UUID oldReceipt = UUID.randomUUID();
        database().sql("insert into eventing.processed_events (consumer_group, event_id, processed_at) values ('test', ?, ?)")
                .params(oldReceipt, Timestamp.from(Instant.now().minus(Duration.ofDays(30)))).update();

        janitor.clean();

        assertThat(exists("select count(*) from eventing.outbox where event_id = ?", old)).isFalse();
        assertThat(exists("select count(*) from eventing.outbox where event_id = ?", recent)).isTrue();
        assertThat(exists("select count(*) from eventing.processed_events where event_id = ?", oldReceipt)).isFalse();
        database().sql("delete from eventing.outbox where event_id = ?").param(recent).update();
    }

    private UUID insert(long position, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        database().sql("""
                insert into eventing.outbox (event_id, topic, event_key, envelope, occurred_at, published_at, position)
                values (?, 'test.only', 'k', '{}'::jsonb, ?, ?, ?)""")
                .params(id, Timestamp.from(publishedAt), Timestamp.from(publishedAt), position).update();
        return id;
    }

    private boolean exists(String sql, UUID id) {
        return database().sql(sql).param(id).query(Long.class).single() > 0;
    }
}
