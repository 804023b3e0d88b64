package io.waybill.security.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.waybill.security.Throttle;
import java.time.Duration;
import java.util.List;

/**
 * Budgets kept in Redis, so that every instance counts against the same ones. Each take is one
 * Lua script: read, decide and write in one atomic step and one round trip, however many callers
 * spend the same budget at once (a compare-and-swap would retry against them, and under a burst on
 * one key, such as one busy client address, run past the timeout). A budget's key expires when the
 * budget is full again, so Redis holds only the budgets in use.
 */
final class RedisBudgets implements BudgetStore, AutoCloseable {

    /**
     * KEYS[1] the budget; ARGV: capacity, period in ms, units. Takes the units if that many are left,
     * else nothing. Answers {taken, remaining, ms until full}.
     */
    private static final String TAKE = """
            local units = tonumber(ARGV[3])
            local left = redis.call('GET', KEYS[1])
            if not left then
              if units > tonumber(ARGV[1]) then
                return {0, tonumber(ARGV[1]), tonumber(ARGV[2])}
              end
              redis.call('SET', KEYS[1], tonumber(ARGV[1]) - units, 'PX', ARGV[2])
              return {1, tonumber(ARGV[1]) - units, 0}
            end
            left = tonumber(left)
            if left >= units then
              redis.call('DECRBY', KEYS[1], units)
              return {1, left - units, 0}
            end
            return {0, left, redis.call('PTTL', KEYS[1])}""";

    /** KEYS[1] the budget; ARGV: capacity. Gives one back while the key lives, never beyond the capacity. */
    private static final String GIVE_BACK = """
            local left = redis.call('GET', KEYS[1])
            if left and tonumber(left) < tonumber(ARGV[1]) then
              redis.call('INCR', KEYS[1])
            end
            return 0""";

    private final RedisClient client;
    private final String prefix;
    private final Duration timeout;
    private final String takeSha;
    private final String giveBackSha;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisBudgets(RedisClient client, String prefix, Duration timeout) {
        this.client = client;
        this.prefix = prefix;
        this.timeout = timeout;
        this.takeSha = sha1(TAKE);
        this.giveBackSha = sha1(GIVE_BACK);
    }

    @Override
    public Throttle.Quota take(String key, long capacity, Duration period, int units) {
        List<Long> answer = eval(takeSha, TAKE, key, Long.toString(capacity), Long.toString(period.toMillis()),
                Integer.toString(units));
        return new Throttle.Quota(answer.get(0) == 1L, capacity, answer.get(1), Duration.ofMillis(answer.get(2)));
    }

    @Override
    public void giveBack(String key, long capacity) {
        eval(giveBackSha, GIVE_BACK, key, Long.toString(capacity));
    }

    @Override
    public void remove(String key) {
        redis().del(prefix + key);
    }

    private <T> T eval(String sha, String script, String key, String... arguments) {
        String[] keys = {prefix + key};
        RedisCommands<String, String> redis = redis();
        try {
            return redis.evalsha(sha, ScriptOutputType.MULTI, keys, arguments);
        } catch (io.lettuce.core.RedisNoScriptException notLoaded) {
            // After a Redis restart or SCRIPT FLUSH: sending the script loads it again.
            return redis.eval(script, ScriptOutputType.MULTI, keys, arguments);
        }
    }

    /**
     * One connection, opened at first use rather than at start-up, so that the server starts (and
     * counts in process) while Redis is away; once open, Lettuce reconnects it by itself. Commands
     * from many threads are pipelined on it.
     */
    private RedisCommands<String, String> redis() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = client.connect();
                    current.setTimeout(timeout);
                    connection = current;
                }
            }
        }
        return current.sync();
    }

    private static String sha1(String script) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
