package io.waybill.security.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys in PostgreSQL ({@code security.idempotency_keys}), one row per caller and
 * key: the source of truth that every instance shares and that outlives a restart. Each statement
 * runs on its own (auto-commit), outside the request's own transaction: the reservation is
 * visible to every other request before the work starts, and the answer is recorded after the
 * work committed.
 */
@Repository
class JdbcIdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the key for a request, or says why not. A key is free when no row has it, when its row
     * is past its retention (a new request then), or when it is held by a request with the same
     * fingerprint whose lease ran out (its process died; this one takes over).
     */
    Claim claim(UUID caller, String key, String fingerprint, String method, String path, Instant now,
            Duration lease, Duration retention) {
        for (int attempt = 0; attempt < 3; attempt++) {
            UUID token = UUID.randomUUID();
            Optional<UUID> taken = jdbc.sql("""
                    insert into security.idempotency_keys as k (caller_id, idempotency_key, fingerprint, method, path,
                        lease_token, leased_until, created_at, expires_at)
                    values (:caller, :key, :fingerprint, :method, :path, :token, :leasedUntil, :now, :expiresAt)
                    on conflict (caller_id, idempotency_key) do update
                    set fingerprint = excluded.fingerprint, method = excluded.method, path = excluded.path,
                        lease_token = excluded.lease_token, leased_until = excluded.leased_until, status = null,
                        content_type = null, location = null, body = null, created_at = excluded.created_at,
                        expires_at = excluded.expires_at
                    where k.expires_at <= excluded.created_at
                       or (k.status is null and k.leased_until <= excluded.created_at
                           and k.fingerprint = excluded.fingerprint)
                    returning lease_token""")
                    .param("caller", caller).param("key", key).param("fingerprint", fingerprint)
                    .param("method", method).param("path", path).param("token", token)
                    .param("leasedUntil", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now))
                    .param("expiresAt", Timestamp.from(now.plus(retention)))
                    .query(UUID.class).optional();
            if (taken.isPresent()) {
                return new Claim.Reserved(token);
            }
            Optional<Claim> held = jdbc.sql("""
                    select fingerprint, status, content_type, location, body, expires_at
                    from security.idempotency_keys where caller_id = ? and idempotency_key = ?""")
                    .params(caller, key)
                    .query((rs, n) -> {
                        if (!rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
                            return null;
                        }
                        if (!rs.getString("fingerprint").equals(fingerprint)) {
                            return (Claim) new Claim.Mismatch();
                        }
                        int status = rs.getInt("status");
                        if (rs.wasNull()) {
                            return new Claim.InFlight();
                        }
                        return new Claim.Replay(new Answer(status, rs.getString("content_type"),
                                rs.getString("location"), rs.getBytes("body")));
                    })
                    .optional();
            if (held.isPresent()) {
                return held.get();
            }
            // Released, purged or expired between the two statements: try again.
        }
        return new Claim.InFlight();
    }

    /** Records the answer of the request that holds the key; false if it no longer held it (its lease was taken over). */
    boolean complete(UUID caller, String key, UUID token, Answer answer) {
        return jdbc.sql("""
                update security.idempotency_keys
                set status = ?, content_type = ?, location = ?, body = ?, lease_token = null, leased_until = null
                where caller_id = ? and idempotency_key = ? and lease_token = ?""")
                .params(answer.status(), answer.contentType(), answer.location(), answer.body(), caller, key, token)
                .update() == 1;
    }

    /** Gives the key up (an answer not to be replayed): a retry with it runs again. */
    void release(UUID caller, String key, UUID token) {
        jdbc.sql("delete from security.idempotency_keys where caller_id = ? and idempotency_key = ? and lease_token = ?")
                .params(caller, key, token).update();
    }

    /** Deletes the keys past their retention; answers how many. */
    /** The tenants with keys past their retention (V195: the one look across tenants). */
    List<UUID> tenantsWithExpired(Instant now) {
        return jdbc.sql("select * from security.tenants_with_expired_idempotency_keys(?)")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    int purge(Instant now) {
        return jdbc.sql("delete from security.idempotency_keys where expires_at <= ?")
                .param(Timestamp.from(now)).update();
    }

    /** What a request with a key found. */
    sealed interface Claim {

        /** The key is this request's: do the work, then complete or release with the token. */
        record Reserved(UUID token) implements Claim {
        }

        /** The key's first request was answered: answer that again. */
        record Replay(Answer answer) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The key's first request is still being handled. */
        record InFlight() implements Claim {
        }
    }

    /** An answer as replayed: status, content type, location and body. */
    record Answer(int status, String contentType, String location, byte[] body) {
    }
}
