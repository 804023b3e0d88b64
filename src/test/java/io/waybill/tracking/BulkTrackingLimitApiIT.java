package io.waybill.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Each number of a bulk lookup counts against the tracking rate limit, here 6 per address: a batch
 * is let through whole or refused whole. The settings are LiveStreamLimitsApiIT's, so that the two
 * share one server; the addresses are this test's own.
 */
@TestPropertySource(properties = {
        "waybill.jwt.access-token-ttl=PT3S",
        "waybill.live.max-lifetime=PT5S",
        "waybill.live.heartbeat=PT1S",
        "waybill.live.max-streams-per-address=3",
        "waybill.live.max-streams-per-account=2",
        "waybill.rate-limits.tracking.capacity=6",
        "waybill.rate-limits.tracking.period=PT1H"})
class BulkTrackingLimitApiIT extends ApiTest {

    @Test
    void shouldCountEveryNumberAndRefuseABatchBeyondWhatIsLeft() {
        String address = "198.51.100.71";

        Api.Response four = bulk(4, address);
        assertThat(four.status()).as(four.toString()).isEqualTo(200);
        assertThat(four.header("X-RateLimit-Limit")).isEqualTo("6");
        assertThat(four.header("X-RateLimit-Remaining")).isEqualTo("2");

        Api.Response three = bulk(3, address);
        assertProblem(three, 429);
        assertThat(Long.parseLong(three.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(three.header("X-RateLimit-Remaining")).isEqualTo("2");

        assertThat(bulk(2, address).status()).isEqualTo(200);
        // The budget is the one single lookups spend.
        assertProblem(api.json("GET", "/track/TRK123", null, null, Map.of("X-Forwarded-For", address)), 429);
    }

    @Test
    void shouldRefuseABatchLargerThanTheWholeBudgetAsInvalid() {
        Api.Response seven = bulk(7, "198.51.100.72");

        assertProblem(seven, 422);
        assertThat(seven.body().get("errors").get(0).get("message").asString()).contains("at most 6");
        assertThat(bulk(6, "198.51.100.72").status()).isEqualTo(200);
    }

    @Test
    void shouldNotCountAnAdmin() {
        String admin = admin().token();
        for (int batch = 0; batch < 3; batch++) {
            Api.Response answer = api.json("POST", "/track/bulk", admin,
                    Map.of("tracking_numbers", Collections.nCopies(5, "TRK123")),
                    Map.of("X-Forwarded-For", "198.51.100.73"));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
    }

    private Api.Response bulk(int numbers, String address) {
        return api.json("POST", "/track/bulk", null, Map.of("tracking_numbers", Collections.nCopies(numbers, "TRK123")),
                Map.of("X-Forwarded-For", address));
    }
}
