package io.waybill.mail.relay;

import io.waybill.mail.OutgoingMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail outbox ({@code mail.outbox}): a message is a row written in the caller's transaction,
 * so it is sent if and only if the change that asked for it commits. The relay is woken after the
 * commit; its poll catches anything that wake-up missed (a crash, a failed attempt).
 */
@Repository
class JdbcMailOutbox implements OutgoingMail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailRelayTrigger trigger;

    JdbcMailOutbox(JdbcClient jdbc, Clock clock, MailRelayTrigger trigger) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trigger = trigger;
    }

    @Override
    public void queue(String to, String subject, String text) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into mail.outbox (id, recipient, subject, body, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), to, subject, text, Timestamp.from(now), Timestamp.from(now))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trigger.wake();
                }
            });
        } else {
            trigger.wake();
        }
    }

    /**
     * Claims up to {@code limit} due messages: their next attempt moves to {@code leaseEnd}, so no
     * other relay claims them while this one sends, and one that died sending leaves them due again.
     */
    List<UUID> tenantsWithDue(Instant now) {
        return jdbc.sql("select * from mail.tenants_with_due_mail(?)").param(Timestamp.from(now)).query(UUID.class)
                .list();
    }

    List<QueuedMail> claimDue(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                update mail.outbox o set next_attempt_at = ?
                where id in (select id from mail.outbox
                             where sent_at is null and failed_at is null and next_attempt_at <= ?
                             order by next_attempt_at limit ? for update skip locked)
                returning o.id, o.recipient, o.subject, o.body, o.created_at, o.attempts,
                    (select s.sender_email from mail.senders s where s.tenant_id = o.tenant_id) sender_email,
                    (select s.sender_name from mail.senders s where s.tenant_id = o.tenant_id) sender_name""")
                .params(Timestamp.from(leaseEnd), Timestamp.from(now), limit)
                .query((rs, n) -> new QueuedMail(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("attempts"), rs.getString("sender_email"), rs.getString("sender_name")))
                .list();
    }

    /** The body may carry a one-time token: once sent it is erased, so the database keeps no usable copy. */
    void markSent(UUID id, Instant at) {
        jdbc.sql("update mail.outbox set sent_at = ?, attempts = attempts + 1, body = '', last_error = null where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markFailed(UUID id, Instant at, Duration retryIn, String error) {
        jdbc.sql("update mail.outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(at.plus(retryIn)), error, id).update();
    }

    void giveUp(UUID id, Instant at, String error) {
        jdbc.sql("""
                update mail.outbox set attempts = attempts + 1, failed_at = ?, body = '', last_error = ?
                where id = ?""")
                .params(Timestamp.from(at), error, id).update();
    }
}
