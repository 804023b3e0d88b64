package io.waybill.eventing;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An event its consumer cannot handle is parked after waybill.events.park-after attempts (3 here),
 * and the group goes on with the events after it; an admin lists the dead letter, retries it once
 * the consumer is fixed, or discards it. The consumer is a test module's, on a topic of its own, so
 * it fails only for the events the test marks.
 */
@Import(DeadLettersApiIT.PickyConsumer.class)
@TestPropertySource(properties = "waybill.events.park-after=3")
class DeadLettersApiIT extends ApiTest {

    private static final String GROUP = "test-picky";
    /** Events the picky consumer refuses to handle, until a test takes them out. */
    static final Set<UUID> REFUSED = ConcurrentHashMap.newKeySet();
    /** Events it has handled (added in the handling transaction, which commits). */
    static final Set<UUID> HANDLED = ConcurrentHashMap.newKeySet();

    @Autowired
    private EventPublisher events;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void shouldParkAnEventItsConsumerCannotHandleAndGoOnWithTheNext() {
        UUID parcel = UUID.randomUUID();
        UUID poison = publish(parcel, true);
        UUID next = publish(parcel, false);

        eventually(() -> assertThat(HANDLED).contains(next));
        assertThat(HANDLED).doesNotContain(poison);

        Api.Response letters = api.get("/admin/events/dead-letters?group=" + GROUP + "&size=100", admin().token());
        assertThat(letters.status()).as(letters.toString()).isEqualTo(200);
        JsonNode letter = letterOf(letters, poison);
        assertThat(letter.get("consumer_group").asString()).isEqualTo(GROUP);
        assertThat(letter.get("topic").asString()).isEqualTo(PickyEvent.TOPIC);
        assertThat(letter.get("event_key").asString()).isEqualTo(parcel.toString());
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("error").asString()).contains("IllegalStateException").contains("refused " + poison);
        assertThat(letter.get("envelope").asString()).contains(poison.toString());
    }

    @Test
    void shouldHandleARetriedDeadLetterOnceItsConsumerIsFixedAndForgetIt() {
        UUID poison = publish(UUID.randomUUID(), true);
        long id = awaitParked(poison);

        REFUSED.remove(poison);
        Api.Response retried = api.post("/admin/events/dead-letters/" + id + "/retry", admin().token(), Map.of());

        assertThat(retried.status()).as(retried.toString()).isEqualTo(204);
        assertThat(HANDLED).contains(poison);
        assertProblem(api.get("/admin/events/dead-letters/" + id, admin().token()), 404);
    }

    @Test
    void shouldKeepADeadLetterParkedWhenItsRetryFailsAgain() {
        UUID poison = publish(UUID.randomUUID(), true);
        long id = awaitParked(poison);

        Api.Response retried = api.post("/admin/events/dead-letters/" + id + "/retry", admin().token(), Map.of());

        assertProblem(retried, 409);
        assertThat(retried.text("detail")).contains("still fails").contains("/admin/events/dead-letters/" + id);
        Api.Response letter = api.get("/admin/events/dead-letters/" + id, admin().token());
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.body().get("attempts").asInt()).isEqualTo(4);
        assertThat(letter.text("error")).contains("refused " + poison);
        assertThat(HANDLED).doesNotContain(poison);
    }

    @Test
    void shouldDiscardADeadLetterForGood() {
        UUID poison = publish(UUID.randomUUID(), true);
        long id = awaitParked(poison);
        String admin = admin().token();

        assertThat(api.delete("/admin/events/dead-letters/" + id, admin).status()).isEqualTo(204);

        assertProblem(api.get("/admin/events/dead-letters/" + id, admin), 404);
        assertProblem(api.delete("/admin/events/dead-letters/" + id, admin), 404);
        assertProblem(api.post("/admin/events/dead-letters/" + id + "/retry", admin, Map.of()), 404);
        assertThat(HANDLED).doesNotContain(poison);
    }

    @Test
    void shouldShowDeadLettersToAdminsOnly() {
        UUID poison = publish(UUID.randomUUID(), true);
        long id = awaitParked(poison);
        String customer = customer().token();
        String agent = agent().token();

        for (String token : new String[] {customer, agent}) {
            assertProblem(api.get("/admin/events/dead-letters", token), 403);
            assertProblem(api.get("/admin/events/dead-letters/" + id, token), 403);
            assertProblem(api.post("/admin/events/dead-letters/" + id + "/retry", token, Map.of()), 403);
            assertProblem(api.delete("/admin/events/dead-letters/" + id, token), 403);
        }
        assertProblem(api.get("/admin/events/dead-letters", null), 401);
        assertProblem(api.post("/admin/events/dead-letters/" + id + "/retry", null, Map.of()), 401);
        assertThat(api.get("/admin/events/dead-letters/" + id, admin().token()).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseToRetryADeadLetterWhoseGroupDoesNotRunInThisProcess() {
        long id = database().sql("""
                insert into eventing.dead_letters (consumer_group, event_id, topic, event_key, envelope, error, attempts,
                    first_failed_at)
                values ('a-module-elsewhere', ?, 'test.picky', 'k', '{}', 'parked by another service', 10, now())
                returning id""").param(UUID.randomUUID()).query(Long.class).single();

        Api.Response retried = api.post("/admin/events/dead-letters/" + id + "/retry", admin().token(), Map.of());

        assertProblem(retried, 409);
        assertThat(retried.text("detail")).contains("a-module-elsewhere").contains("does not run in this process");
        assertThat(api.get("/admin/events/dead-letters/" + id, admin().token()).status()).as("still parked")
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseAnIdThatIsNotANumber() {
        assertProblem(api.get("/admin/events/dead-letters/abc", admin().token()), 400);
    }

    private UUID publish(UUID parcel, boolean refused) {
        PickyEvent event = new PickyEvent(UUID.randomUUID(), parcel, Instant.now());
        if (refused) {
            REFUSED.add(event.marker());
        }
        // As the admin's (the default) tenant's work, whose dead letters the admin then sees.
        TenantContext.runAs(TenantContext.DEFAULT,
                () -> transaction.executeWithoutResult(status -> events.publish(event)));
        return event.marker();
    }

    private long awaitParked(UUID marker) {
        long[] id = new long[1];
        eventually(() -> {
            Api.Response letters = api.get("/admin/events/dead-letters?group=" + GROUP + "&size=100", admin().token());
            id[0] = letterOf(letters, marker).get("id").asLong();
        });
        return id[0];
    }

    private static JsonNode letterOf(Api.Response letters, UUID marker) {
        assertThat(letters.status()).as(letters.toString()).isEqualTo(200);
        for (JsonNode letter : letters.body().get("items")) {
            if (letter.get("envelope").asString().contains(marker.toString())) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for " + marker + " in " + letters);
    }

    /** A test module's event: {@code marker} tells the picky consumer whether to refuse it. */
    record PickyEvent(UUID marker, UUID parcel, Instant occurredAt) implements DomainEvent {

        static final String TOPIC = "test.picky";

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String key() {
            return parcel.toString();
        }
    }

    @TestConfiguration
    static class PickyConsumer {

        @Bean
        EventHandler pickyConsumer() {
            return new EventHandler() {
                @Override
                public String group() {
                    return GROUP;
                }

                @Override
                public Set<String> topics() {
                    return Set.of(PickyEvent.TOPIC);
                }

                @Override
                public void handle(ReceivedEvent event) {
                    UUID marker = UUID.fromString(event.payload().get("marker").asString());
                    if (REFUSED.contains(marker)) {
                        throw new IllegalStateException("refused " + marker);
                    }
                    HANDLED.add(marker);
                }
            };
        }
    }
}
