package io.waybill.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mail to a tenant's people goes out from the sender its admin set (PATCH /admin/tenant,
 * sender_email and sender_name), from the mail module's own copy fed by tenant.settings_changed;
 * another tenant's, and a tenant's that set none, from the deployment's.
 */
class TenantSenderApiIT extends ApiTest {

    @Test
    void shouldSendATenantsMailFromItsOwnSender() throws Exception {
        TenantAdmin acme = newTenant();
        TenantAdmin other = newTenant();
        String address = "dispatch-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        Api.Response changed = api.json("PATCH", "/admin/tenant", acme.admin().token(),
                Map.of("sender_email", address, "sender_name", "Acme Dispatch"), Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        awaitEvents();

        InternetAddress acmes = from(registerIn(acme.slug(), "customer", null).email());
        assertThat(acmes.getAddress()).isEqualTo(address);
        assertThat(acmes.getPersonal()).isEqualTo("Acme Dispatch");

        // Neither another tenant nor the default one takes it: they send as the deployment does.
        InternetAddress deployment = from(customer().email());
        assertThat(deployment.getAddress()).isNotEqualTo(address);
        assertThat(from(registerIn(other.slug(), "customer", null).email())).isEqualTo(deployment);

        // Back to the deployment's once the admin clears it.
        assertThat(api.json("PATCH", "/admin/tenant", acme.admin().token(),
                Map.of("sender_email", "", "sender_name", ""), Map.of()).status()).isEqualTo(200);
        awaitEvents();
        assertThat(from(registerIn(acme.slug(), "customer", null).email())).isEqualTo(deployment);
    }

    /** The sender of the first mail (the verification) to this address. */
    private static InternetAddress from(String recipient) throws Exception {
        MimeMessage message = Mailbox.await(recipient, 1).get(0);
        return (InternetAddress) message.getFrom()[0];
    }
}
