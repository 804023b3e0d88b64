package io.waybill.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.waybill.security.Throttle;
import io.waybill.support.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Budgets in a real Redis: each take is one atomic step, however many callers spend one budget at once. */
class RedisBudgetsIT {

    private final RedisClient client = RedisClient.create("redis://" + TestRedis.host() + ":" + TestRedis.port());
    private final RedisBudgets budgets = new RedisBudgets(client, "waybill-test:" + UUID.randomUUID() + ":",
            Duration.ofSeconds(2));

    @AfterEach
    void close() {
        budgets.close();
        client.shutdown();
    }

    @Test
    void shouldLetExactlyTheCapacityThroughWhen200CallersTakeAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Throttle.Quota>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> budgets.take("tracking:127.0.0.1", 50, Duration.ofMinutes(1)));
            }
            List<Throttle.Quota> answers = new ArrayList<>();
            for (Future<Throttle.Quota> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }

            assertThat(answers).filteredOn(Throttle.Quota::taken).hasSize(50);
            assertThat(answers).filteredOn(Throttle.Quota::taken).extracting(Throttle.Quota::remaining)
                    .containsExactlyInAnyOrderElementsOf(range(0, 49));
            assertThat(answers).filteredOn(quota -> !quota.taken())
                    .allSatisfy(refused -> assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1),
                            Duration.ofMinutes(1)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldGiveBackNeverBeyondTheCapacity() {
        budgets.giveBack("login:never-taken", 5);
        assertThat(budgets.take("login:never-taken", 5, Duration.ofMinutes(15)).remaining()).isEqualTo(4);

        budgets.giveBack("login:never-taken", 5);
        budgets.giveBack("login:never-taken", 5);
        assertThat(budgets.take("login:never-taken", 5, Duration.ofMinutes(15)).remaining()).isEqualTo(4);
    }

    @Test
    void shouldBeFullAgainOnceThePeriodHasPassed() throws InterruptedException {
        assertThat(budgets.take("short", 1, Duration.ofMillis(300)).taken()).isTrue();
        assertThat(budgets.take("short", 1, Duration.ofMillis(300)).taken()).isFalse();

        Thread.sleep(400);

        assertThat(budgets.take("short", 1, Duration.ofMillis(300)).taken()).isTrue();
    }

    @Test
    void shouldStartFullAfterARemove() {
        budgets.take("reset", 3, Duration.ofMinutes(1));
        budgets.take("reset", 3, Duration.ofMinutes(1));

        budgets.remove("reset");

        assertThat(budgets.take("reset", 3, Duration.ofMinutes(1)).remaining()).isEqualTo(2);
    }

    @Test
    void shouldTakeABatchWholeOrNotAtAll() {
        assertThat(budgets.take("batch", 6, Duration.ofMinutes(1), 7).taken()).isFalse();
        assertThat(budgets.take("batch", 6, Duration.ofMinutes(1), 4).remaining()).isEqualTo(2);

        Throttle.Quota refused = budgets.take("batch", 6, Duration.ofMinutes(1), 3);

        assertThat(refused.taken()).isFalse();
        assertThat(refused.remaining()).isEqualTo(2);
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertThat(budgets.take("batch", 6, Duration.ofMinutes(1), 2).remaining()).isZero();
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long value = from; value <= to; value++) {
            values.add(value);
        }
        return values;
    }
}
