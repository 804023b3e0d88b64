package io.waybill.eventing.outbox;

import io.waybill.eventing.EventHandler;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.LogSafe;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events a consumer group could not handle. Both transports retry a failing event with backoff and
 * count each failed attempt here; after {@code waybill.events.park-after} attempts in a row the
 * event is parked as a dead letter, together with the group's receipt, and the group moves on. So
 * an event that cannot be handled (a consumer's bug, a payload it cannot read) holds up its group
 * for about half a minute, not for ever, and is kept, not lost: an admin lists it, retries it once
 * the consumer is fixed, or discards it. While the database itself is down nothing can be counted
 * or parked, so an outage only delays the group, as before.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int ERROR_LENGTH = 2_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EventDelivery delivery;
    private final EventEnvelopes envelopes;
    private final Map<String, EventHandler> handlers;
    private final int parkAfter;
    /** Events with a failure row, so that their success clears it without a query for every event. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    DeadLetters(JdbcClient jdbc, TransactionTemplate transaction, EventDelivery delivery, EventEnvelopes envelopes,
            List<EventHandler> handlers, EventsProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.delivery = delivery;
        this.envelopes = envelopes;
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::group, Function.identity(), (a, b) -> a));
        this.parkAfter = properties.parkAfter();
        delivery.clearFailuresWith(this::handled);
    }

    /** One parked event, as an admin sees it. */
    public record DeadLetter(long id, String consumerGroup, UUID eventId, String topic, String eventKey,
            String envelope, String error, int attempts, Instant firstFailedAt, Instant parkedAt) {
    }

    /**
     * Counts a failed attempt of a group at an event, in a transaction of its own (the attempt's own
     * transaction has rolled back), and parks the event when the count reaches the limit. An event
     * whose envelope has no readable id can never be handled, so it is parked at once.
     *
     * @return whether the event is now parked, so the group can move past it
     */
    boolean failed(String group, UUID eventId, String topic, String key, String envelope, Throwable failure) {
        String error = describe(failure);
        Boolean parked = transaction.execute(status -> {
            if (eventId == null) {
                park(group, null, topic, key, envelope, error, 1, null);
                return true;
            }
            failing.add(group + ' ' + eventId);
            int attempts = jdbc.sql("""
                    insert into eventing.event_failures (consumer_group, event_id, attempts, last_error)
                    values (?, ?, 1, ?)
                    on conflict (consumer_group, event_id) do update
                    set attempts = eventing.event_failures.attempts + 1, last_error = excluded.last_error,
                        last_failed_at = now()
                    returning attempts""")
                    .params(group, eventId, error).query(Integer.class).single();
            if (attempts < parkAfter) {
                return false;
            }
            Instant firstFailed = jdbc.sql("""
                    delete from eventing.event_failures where consumer_group = ? and event_id = ?
                    returning first_failed_at""")
                    .params(group, eventId).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
            park(group, eventId, topic, key, envelope, error, attempts, firstFailed);
            return true;
        });
        return Boolean.TRUE.equals(parked);
    }

    /** The outbox row's event id, for the in-process consumers (their rows carry it as a column). */
    UUID eventIdOf(OutboxRecord record) {
        return jdbc.sql("select event_id from eventing.outbox where id = ?").param(record.id())
                .query(UUID.class).optional().orElse(null);
    }

    private void park(String group, UUID eventId, String topic, String key, String envelope, String error,
            int attempts, Instant firstFailed) {
        jdbc.sql("""
                insert into eventing.dead_letters (consumer_group, event_id, topic, event_key, envelope, error,
                    attempts, first_failed_at)
                values (?, ?, ?, ?, ?, ?, ?, coalesce(?::timestamptz, now()))
                on conflict (consumer_group, event_id) where event_id is not null do update
                set envelope = excluded.envelope, error = excluded.error, attempts = excluded.attempts,
                    parked_at = now()""")
                .params(group, eventId, topic, key, envelope, error, attempts,
                        firstFailed == null ? null : java.sql.Timestamp.from(firstFailed)).update();
        if (eventId != null) {
            jdbc.sql("insert into eventing.processed_events (consumer_group, event_id) values (?, ?) on conflict do nothing")
                    .params(group, eventId).update();
            failing.remove(group + ' ' + eventId);
        }
        log.error("Consumer {} parked event {} of topic {} as a dead letter after {} failed attempts ({}); the group "
                + "moves on. Retry it with POST /admin/events/dead-letters/{id}/retry once the cause is fixed.",
                group, eventId, LogSafe.escape(topic), attempts, error);
    }

    /** Called by {@link EventDelivery} in the transaction that handled the event. */
    private void handled(String group, UUID eventId) {
        if (!failing.isEmpty() && failing.remove(group + ' ' + eventId)) {
            jdbc.sql("delete from eventing.event_failures where consumer_group = ? and event_id = ?")
                    .params(group, eventId).update();
        }
    }

    /** Parked events, newest first; {@code group} narrows them to one consumer group. */
    public Page<DeadLetter> list(String group, PageQuery page) {
        long total = jdbc.sql("select count(*) from eventing.dead_letters where ?::text is null or consumer_group = ?")
                .params(group, group).query(Long.class).single();
        List<DeadLetter> items = jdbc.sql("""
                select * from eventing.dead_letters where ?::text is null or consumer_group = ?
                order by parked_at desc, id desc limit ? offset ?""")
                .params(group, group, page.size(), page.offset())
                .query((rs, n) -> read(rs)).list();
        return Page.of(items, page, total);
    }

    public DeadLetter get(long id) {
        return jdbc.sql("select * from eventing.dead_letters where id = ?").param(id)
                .query((rs, n) -> read(rs)).optional()
                .orElseThrow(() -> new NotFoundException("No dead letter " + id + "."));
    }

    /**
     * Hands a parked event to its group again, now, in one transaction with removing it: it is
     * handled and gone, or it fails again and stays parked (409 with the error).
     */
    public void retry(long id) {
        try {
            transaction.executeWithoutResult(status -> {
                DeadLetter letter = jdbc.sql("select * from eventing.dead_letters where id = ? for update").param(id)
                        .query((rs, n) -> read(rs)).optional()
                        .orElseThrow(() -> new NotFoundException("No dead letter " + id + "."));
                EventHandler handler = handlers.get(letter.consumerGroup());
                if (handler == null) {
                    throw new ConflictException("The consumer group " + letter.consumerGroup() + " does not run in this "
                            + "process; retry the dead letter on a process that runs its module.");
                }
                if (letter.eventId() != null) {
                    jdbc.sql("delete from eventing.processed_events where consumer_group = ? and event_id = ?")
                            .params(letter.consumerGroup(), letter.eventId()).update();
                }
                delivery.deliver(handler, envelopes.read(letter.topic(), letter.eventKey(), letter.envelope()));
                jdbc.sql("delete from eventing.dead_letters where id = ?").param(id).update();
            });
        } catch (RefusalException refusal) {
            throw refusal;
        } catch (RuntimeException failure) {
            String error = describe(failure);
            jdbc.sql("update eventing.dead_letters set error = ?, attempts = attempts + 1 where id = ?")
                    .params(error, id).update();
            throw new ConflictException("The event still fails in its consumer and stays parked; the error is in "
                    + "the dead letter (GET /admin/events/dead-letters/" + id + ").");
        }
        log.info("Dead letter {} was retried and handled", id);
    }

    /** Removes a parked event for good (an admin decided it is not to be handled). */
    public void discard(long id) {
        if (jdbc.sql("delete from eventing.dead_letters where id = ?").param(id).update() == 0) {
            throw new NotFoundException("No dead letter " + id + ".");
        }
        log.warn("Dead letter {} was discarded by an admin", id);
    }

    private static DeadLetter read(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("consumer_group"), rs.getObject("event_id", UUID.class),
                rs.getString("topic"), rs.getString("event_key"), rs.getString("envelope"), rs.getString("error"),
                rs.getInt("attempts"), rs.getTimestamp("first_failed_at").toInstant(),
                rs.getTimestamp("parked_at").toInstant());
    }

    /** The failure's class and message, each cause once, cut to a length a row and a log line hold. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < ERROR_LENGTH; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String flat = LogSafe.escape(text.toString());
        return flat.length() <= ERROR_LENGTH ? flat : flat.substring(0, ERROR_LENGTH);
    }
}
