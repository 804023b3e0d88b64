package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Bookings are limited per account (3 a minute here, 60 by default): each one sends mail and text
 * messages, so an account must not be able to fire them without pause. A context of its own, closed after.
 */
@TestPropertySource(properties = {
        "waybill.data-dir=target/test-data-booking-limit",
        "waybill.rate-limits.booking.capacity=3",
        "waybill.rate-limits.booking.period=PT1M"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BookingLimitApiIT extends ApiTest {

    @Test
    void shouldAnswerABookingOverTheAccountsLimitWith429AndRetryAfter() {
        Account customer = customer();
        for (int booking = 1; booking <= 3; booking++) {
            book(customer);
        }

        Api.Response fourth = api.post("/shipments", customer.token(),
                Map.of("source_address", "Chennai", "destination_address", "Bangalore"));

        assertProblem(fourth, 429);
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(fourth.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(fourth.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(api.get("/shipments", customer.token()).body().get("total").asInt()).isEqualTo(3);
    }

    @Test
    void shouldCountEachAccountOnItsOwnAndNotCountAdmins() {
        Account spent = customer();
        for (int booking = 1; booking <= 3; booking++) {
            book(spent);
        }
        assertProblem(api.post("/shipments", spent.token(),
                Map.of("source_address", "Chennai", "destination_address", "Bangalore")), 429);

        book(customer());
        for (int booking = 1; booking <= 4; booking++) {
            Api.Response onBehalf = api.post("/shipments", admin().token(), Map.of("source_address", "Chennai",
                    "destination_address", "Bangalore", "customer_id", spent.id().toString()));
            assertThat(onBehalf.status()).as(onBehalf.toString()).isEqualTo(201);
        }
    }

    @Test
    void shouldNotSpendTheBudgetOnABookingRefusedForItsContent() {
        Account customer = customer();
        for (int refused = 1; refused <= 3; refused++) {
            assertProblem(api.post("/shipments", customer.token(), Map.of("source_address", "Chennai",
                    "destination_address", "Bangalore", "recipient_phone", "98400 00000")), 422);
        }

        for (int booking = 1; booking <= 3; booking++) {
            book(customer);
        }
    }
}
