package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin in a phone-sized browser issues an API key for an agent, sees it listed, revokes it after
 * the confirmation, and answers a customer's support ticket, every page checked for accessibility.
 */
class AdminSupportIT extends BrowserTest {

    @Test
    void shouldIssueListAndRevokeAKeyThenAnswerACustomersTicket() {
        Account agent = agent();
        Account customer = customer();
        io.waybill.support.Api.Response ticket = api.post("/tickets", customer.token(),
                Map.of("category", "delay", "message", "My parcel is late, where is it?"));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD, "Dashboard");

        open("/admin");
        find("a[href='/admin/pages/api-keys']").click();
        awaitText("h1", "API keys");
        assertAccessible("the API keys page");
        new Select(find("#agent_id")).selectByVisibleText(agent.email());
        type("name", "Scanner of van 12");
        find("#issue-form button[type=submit]").click();
        awaitText("h1", "The new API key");
        String key = find("#issued-key").getText();
        assertThat(key).startsWith("wbk_");
        assertAccessible("the new API key page");

        find("main a[href='/admin/pages/api-keys']").click();
        awaitText("h1", "API keys");
        String row = find("#keys tbody tr").getText();
        assertThat(row).contains(agent.email(), "Scanner of van 12", key.substring(0, 12), "Active")
                .doesNotContain(key);
        find("#keys tbody tr a[href$='/revoke']").click();
        awaitText("h1", "Revoke an API key");
        assertAccessible("the revoke page");
        find("#revoke-form button[type=submit]").click();
        awaitText("h1", "API keys");
        assertThat(find("main .alert").getText()).contains("The key is revoked");
        assertThat(find("#keys tbody tr").getText()).contains("Revoked");

        find("a[href='/admin/pages/tickets']").click();
        awaitText("h1", "Support tickets");
        assertAccessible("the support tickets page");
        find("a[href='/admin/pages/tickets/" + ticket.text("id") + "']").click();
        awaitText("h1", "Support ticket: Delay");
        assertThat(find("#thread").getText()).contains("My parcel is late, where is it?");
        assertAccessible("a support ticket's page");
        type("message", "It left the hub this morning.");
        find("#reply-form button[type=submit]").click();
        awaitText("#ticket-status", "In progress");
        assertThat(find("#thread").getText()).contains("It left the hub this morning.");
        new Select(find("#status")).selectByValue("resolved");
        find("#status-form button[type=submit]").click();
        awaitText("#ticket-status", "Resolved");
        assertAccessible("a support ticket's page after the answer");

        find("a[href='/admin/pages/feedback']").click();
        awaitText("h1", "Poor ratings");
        assertAccessible("the poor ratings page");
        assertThat(api.get("/tickets/" + ticket.text("id"), customer.token()).text("status")).isEqualTo("resolved");
    }
}
