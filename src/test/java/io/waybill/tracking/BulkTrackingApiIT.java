package io.waybill.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.shipments.TrackingNumber;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Public tracking of many numbers in one request: one result per number, in the order given. */
class BulkTrackingApiIT extends ApiTest {

    @Test
    void shouldAnswerEachNumberInTheOrderGivenWithTheSamePageAsASingleLookup() {
        Account customer = customer();
        String first = book(customer).text("tracking_number");
        String second = book(customer).text("tracking_number");
        String unknown = unusedNumber();
        awaitEvents();
        List<String> asked = new ArrayList<>(List.of(second, "TRK123", unknown, first.toLowerCase(), second));
        asked.add(null);

        Api.Response answer = bulk(Map.of("tracking_numbers", asked), "192.0.2.201");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.body().get("results");
        assertThat(results).hasSize(6);
        assertResult(results.get(0), second, "found");
        assertResult(results.get(1), "TRK123", "invalid");
        assertResult(results.get(2), unknown, "not_found");
        assertResult(results.get(3), first.toLowerCase(), "found");
        assertResult(results.get(4), second, "found");
        assertThat(results.get(5).get("tracking_number").isNull()).isTrue();
        assertThat(results.get(5).get("result").asString()).isEqualTo("invalid");
        assertThat(results.get(0).get("shipment")).isEqualTo(api.get("/track/" + second, null).body());
        assertThat(results.get(3).get("shipment")).isEqualTo(api.get("/track/" + first, null).body());
        assertThat(results.get(0).get("shipment").has("recipient_name")).isFalse();
        assertThat(results.get(2).get("shipment").isNull()).isTrue();
        // Every number counts, the invalid ones too; the tests' budget is 100000 per address.
        assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo(Long.toString(100_000 - 6));
    }

    @Test
    void shouldTakeOneToAHundredNumbers() {
        List<String> hundred = new ArrayList<>(Collections.nCopies(100, "TRK123"));
        assertThat(bulk(Map.of("tracking_numbers", hundred), "192.0.2.202").status()).isEqualTo(200);

        hundred.add("TRK123");
        Api.Response tooMany = bulk(Map.of("tracking_numbers", hundred), "192.0.2.202");
        assertProblem(tooMany, 422);
        assertThat(tooMany.body().get("errors").get(0).get("field").asString()).isEqualTo("tracking_numbers");
        assertProblem(bulk(Map.of("tracking_numbers", List.of()), "192.0.2.202"), 422);
        assertProblem(bulk(Map.of(), "192.0.2.202"), 422);
        assertProblem(bulk(Map.of("tracking_numbers", "TRK123"), "192.0.2.202"), 400);
    }

    private Api.Response bulk(Object body, String address) {
        return api.json("POST", "/track/bulk", null, body, Map.of("X-Forwarded-For", address));
    }

    private static void assertResult(JsonNode result, String number, String outcome) {
        assertThat(result.get("tracking_number").asString()).isEqualTo(number);
        assertThat(result.get("result").asString()).isEqualTo(outcome);
        if (outcome.equals("found")) {
            assertThat(result.get("shipment").get("tracking_number").asString()).isEqualTo(number.toUpperCase());
        }
    }

    /** A well-formed number that no shipment has (10 random digits: the odds of a clash are nil). */
    private static String unusedNumber() {
        return TrackingNumber.random(new Random()).value();
    }
}
