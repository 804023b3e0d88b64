package io.waybill;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import io.waybill.support.WebhookReceiver;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A second tenant, opened through the API, works as the first does: its events reach its own
 * reports, tracking, notifications, mail and webhooks (the workers handle every tenant's rows, each
 * as that tenant's), and nothing of it reaches the default tenant's.
 */
class TwoTenantsJourneyIT extends ApiTest {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void shouldCarryASecondTenantsBookingToItsOwnReportsTrackingMailAndWebhooksOnly() {
        String defaultAdmin = admin().token();
        awaitEvents();
        Api.Response defaultBefore = api.get("/admin/reports", defaultAdmin);
        TenantAdmin acme = newTenant();
        Api.Response acmeBefore = api.get("/admin/reports", acme.admin().token());
        String hook = "/acme/" + UUID.randomUUID();
        assertThat(api.post("/webhooks", acme.admin().token(), Map.of("url", RECEIVER.url(hook), "events",
                List.of("shipment.created"))).status()).isEqualTo(201);
        Account customer = registerIn(acme.slug(), "customer", null);
        // The verification email: the mail relay sends the new tenant's mail, and its token finds the tenant.
        String token = Mailbox.token(Mailbox.await(customer.email(), 1).get(0));
        assertThat(api.post("/auth/verify-email", null, Map.of("token", token)).status()).isEqualTo(204);

        Api.Response booked = book(customer);
        String number = booked.text("tracking_number");
        String id = booked.text("id");
        awaitEvents();

        Api.Response acmeAfter = api.get("/admin/reports", acme.admin().token());
        assertThat(delta(acmeBefore, acmeAfter, "total_shipments_today")).isEqualTo(1);
        assertThat(delta(defaultBefore, api.get("/admin/reports", defaultAdmin), "total_shipments_today"))
                .as("the default tenant's report").isZero();

        eventually(Duration.ofSeconds(20), () -> assertThat(RECEIVER.at(hook)).isNotEmpty());
        assertThat(RECEIVER.at(hook).get(0).body()).contains(number);
        // A notification of the new tenant's (email goes to verified addresses only).
        eventually(Duration.ofSeconds(20), () -> assertThat(subjects(customer.email()))
                .contains("Your shipment " + number + " is booked"));

        // Public tracking finds the number's tenant, for anyone; signed-in tracking stays within a tenant.
        Api.Response tracked = api.get("/track/" + number, null);
        assertThat(tracked.status()).as(tracked.toString()).isEqualTo(200);
        assertThat(tracked.text("status")).isEqualTo("created");
        assertThat(api.get("/track/" + number, defaultAdmin).status()).isEqualTo(200);
        assertThat(api.get("/tracking/" + id, acme.admin().token()).status()).isEqualTo(200);
        assertProblem(api.get("/tracking/" + id, defaultAdmin), 404);
        assertProblem(api.get("/shipments/" + id, defaultAdmin), 404);
    }

    @Test
    void shouldTrackNumbersOfTwoTenantsInOneBulkLookup() {
        TenantAdmin acme = newTenant();
        String theirs = book(registerIn(acme.slug(), "customer", null)).text("tracking_number");
        String ours = book(customer()).text("tracking_number");
        awaitEvents();

        Api.Response bulk = api.post("/track/bulk", null, Map.of("tracking_numbers", List.of(ours, theirs)));

        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.body().get("results").valueStream().map(result -> result.get("result").asString()))
                .containsExactly("found", "found");
    }

    private static long delta(Api.Response before, Api.Response after, String field) {
        return after.body().get(field).asLong() - before.body().get(field).asLong();
    }

    private static List<String> subjects(String address) {
        return Mailbox.to(address).stream().map(TwoTenantsJourneyIT::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
