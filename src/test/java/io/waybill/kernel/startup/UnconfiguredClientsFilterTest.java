package io.waybill.kernel.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Boot builds a Redis or Kafka client only when its connection is configured. */
class UnconfiguredClientsFilterTest {

    private static final String[] CANDIDATES = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        null,
    };

    @Test
    void shouldLeaveOutTheClientsThatAreNotConfigured() {
        assertThat(matches(new MockEnvironment())).containsExactly(false, false, true, true);
    }

    @Test
    void shouldKeepTheClientsThatAreConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.data.redis.url", "redis://127.0.0.1:6379")
                .withProperty("spring.kafka.bootstrap-servers", "127.0.0.1:9092");

        assertThat(matches(environment)).containsExactly(true, true, true, true);
    }

    @Test
    void shouldTreatABlankSettingAsNotConfigured() {
        assertThat(matches(new MockEnvironment().withProperty("spring.data.redis.url", " ")))
                .containsExactly(false, false, true, true);
    }

    private static boolean[] matches(MockEnvironment environment) {
        UnconfiguredClientsFilter filter = new UnconfiguredClientsFilter();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }
}
