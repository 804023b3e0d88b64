package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant's admin replaces the text of a notification with the tenant's own
 * (PUT /admin/notification-templates/{kind}/{channel}); the tenant's customers get it, another
 * tenant's keep the built-in one; bad texts are refused naming the field, and only admins may.
 */
class TenantTemplatesApiIT extends ApiTest {

    private static final String OWN = "Subject: Acme has your parcel {{tracking_number}}\n\nHi {{name}}, "
            + "we will carry it from {{source}} to {{destination}}.\n\nAcme";

    @Test
    void shouldSendTheTenantsOwnTextToItsCustomersOnly() throws Exception {
        TenantAdmin acme = newTenant();
        TenantAdmin other = newTenant();
        Api.Response set = api.put("/admin/notification-templates/shipment_created/email", acme.admin().token(),
                Map.of("template", OWN));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("template")).isEqualTo(OWN);
        assertThat(api.get("/admin/notification-templates", acme.admin().token()).raw())
                .contains("shipment_created").contains("Acme has your parcel");
        assertThat(api.get("/admin/notification-templates", other.admin().token()).raw())
                .doesNotContain("shipment_created");

        Account acmeCustomer = verifiedCustomerOf(acme);
        String number = book(acmeCustomer).text("tracking_number");
        MimeMessage booked = Mailbox.await(acmeCustomer.email(), 2).get(1);
        assertThat(booked.getSubject()).isEqualTo("Acme has your parcel " + number);
        assertThat(Mailbox.body(booked)).contains("we will carry it from Chennai to Bangalore");

        Account otherCustomer = verifiedCustomerOf(other);
        String othersNumber = book(otherCustomer).text("tracking_number");
        assertThat(Mailbox.await(otherCustomer.email(), 2).get(1).getSubject())
                .isEqualTo("Your shipment " + othersNumber + " is booked");

        // Back to the built-in text once removed.
        assertThat(api.delete("/admin/notification-templates/shipment_created/email", acme.admin().token())
                .status()).isEqualTo(204);
        assertProblem(api.delete("/admin/notification-templates/shipment_created/email", acme.admin().token()), 404);
        String again = book(acmeCustomer).text("tracking_number");
        assertThat(Mailbox.await(acmeCustomer.email(), 3).get(2).getSubject())
                .isEqualTo("Your shipment " + again + " is booked");
    }

    @Test
    void shouldRefuseBadTextsAndEveryoneButTheTenantsAdmins() {
        TenantAdmin acme = newTenant();
        String admin = acme.admin().token();
        String path = "/admin/notification-templates/delivered/";

        assertBadField(api.put(path + "sms", admin, Map.of("template", "Delivered {{secret}}")), "template");
        assertBadField(api.put(path + "sms", admin, Map.of("template", " ")), "template");
        assertBadField(api.put(path + "sms", admin, Map.of("template", "Two\nlines")), "template");
        assertBadField(api.put(path + "email", admin, Map.of("template", "No subject line")), "template");
        assertBadField(api.put(path + "sms", admin, Map.of("template", "x".repeat(2001))), "template");
        assertBadField(api.put(path + "whatsapp", admin, Map.of("template", "Template: mine")), "channel");
        assertProblem(api.put("/admin/notification-templates/no_such_kind/sms", admin, Map.of("template", "Hi")), 404);
        assertProblem(api.put(path + "fax", admin, Map.of("template", "Hi")), 404);
        assertThat(api.get("/admin/notification-templates", admin).raw()).isEqualTo("[]");

        Map<String, Object> fine = Map.of("template", "Delivered: {{tracking_number}}");
        for (String token : new String[] {registerIn(acme.slug(), "customer", null).token(),
                registerIn(acme.slug(), "agent", admin).token(), platformOperator().token()}) {
            assertProblem(api.put(path + "sms", token, fine), 403);
            assertProblem(api.get("/admin/notification-templates", token), 403);
            assertProblem(api.delete(path + "sms", token), 403);
        }
        assertProblem(api.put(path + "sms", null, fine), 401);
    }

    /** A customer of the tenant whose address is verified, so that notifications are emailed to it. */
    private Account verifiedCustomerOf(TenantAdmin tenant) {
        Account customer = registerIn(tenant.slug(), "customer", null);
        Api.Response verified = api.post("/auth/verify-email", null,
                Map.of("token", Mailbox.tokenIn(customer.email(), 1)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        awaitEvents();
        return customer;
    }

    private static void assertBadField(Api.Response response, String field) {
        assertProblem(response, 422);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
