package io.waybill.eventing.outbox;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requireNotNegative;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waybill.events.*}: how long the outbox keeps what it published, how the relay works, and
 * the topics made on Kafka.
 *
 * @param retention       published events and consumers' receipts older than this are deleted
 * @param cleanupInterval how often that clean-up runs (read by {@link OutboxJanitor}'s schedule)
 * @param parkAfter       failed attempts in a row after which a consumer group parks an event as a
 *                        dead letter and moves on ({@link DeadLetters}); with the retries' backoff
 *                        (0.2 s doubling to 5 s), 10 attempts hold a group up for about 30 s
 * @param gather          after a batch that found events but not a full one, how long the relay and
 *                        each in-process consumer group let the next events gather before they look
 *                        again: under a stream of writes a batch then carries many events for one
 *                        transaction's fixed cost, while a lone event after a quiet spell is still
 *                        handled at once; zero looks again at once
 */
@ConfigurationProperties("waybill.events")
public record EventsProperties(@DefaultValue("P7D") Duration retention, @DefaultValue("PT1H") Duration cleanupInterval,
        @DefaultValue Relay relay, @DefaultValue Kafka kafka, @DefaultValue("10") int parkAfter,
        @DefaultValue("PT0.02S") Duration gather) {

    public EventsProperties {
        requirePositive("waybill.events.retention", retention);
        requirePositive("waybill.events.cleanup-interval", cleanupInterval);
        requireAtLeast("waybill.events.park-after", parkAfter, 1);
        requireNotNegative("waybill.events.gather", gather);
    }

    /** {@code waybill.events.relay.*}: whether this instance relays, how many events a batch holds, how often an idle relay looks. */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
            @DefaultValue("PT0.25S") Duration idlePoll) {

        public Relay {
            requireAtLeast("waybill.events.relay.batch-size", batchSize, 1);
            requirePositive("waybill.events.relay.idle-poll", idlePoll);
        }
    }

    /** {@code waybill.events.kafka.*}: partitions and replication of the topics created on start-up. */
    public record Kafka(@DefaultValue("6") int partitions, @DefaultValue("1") short replication) {

        public Kafka {
            requireAtLeast("waybill.events.kafka.partitions", partitions, 1);
            requireAtLeast("waybill.events.kafka.replication", replication, 1);
        }
    }
}
