package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer in a phone-sized browser rates a delivered shipment and opens a support ticket about
 * it, then finds the ticket in "my tickets"; another customer gets "not found" for both; the rating
 * form sent without its CSRF token is refused.
 */
class CustomerCareIT extends BrowserTest {

    @Test
    void shouldLetACustomerRateADeliveryAndOpenATicketAboutItThatNobodyElseSees() {
        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(shipment, agent, status, "Bangalore").status()).isEqualTo(200);
        }
        deliver(shipment, agent, "Door");
        awaitEvents();

        signIn(customer.email(), PASSWORD, "My shipments");
        open("/portal/shipments/" + shipment);
        awaitText("#status", "Delivered");
        assertAccessible("a delivered shipment's page with the rating form");

        // Sent without its token (taken out of the form), the rating is refused and not recorded.
        ((JavascriptExecutor) driver()).executeScript(
                "document.querySelector('#feedback-form input[name=_csrf]').remove();");
        find("#rating_5").click();
        find("#feedback-form button[type=submit]").click();
        browser.waiting(Duration.ofSeconds(20)).until(driver -> driver.findElements(By.id("feedback-form")).isEmpty());
        open("/portal/shipments/" + shipment);
        assertThat(driver().findElements(By.id("feedback-given"))).isEmpty();

        find("#rating_4").click();
        type("comment", "Friendly and on time.");
        find("#feedback-form button[type=submit]").click();
        awaitText("#feedback-given", "You rated this delivery 4 of 5. “Friendly and on time.”");
        assertAccessible("a shipment's page after rating it");

        find("#open-ticket").click();
        awaitText("h1", "Open a support ticket");
        new Select(find("#category")).selectByValue("damage");
        type("message", "The box was crushed at one corner.");
        find("#ticket-form button[type=submit]").click();
        awaitText("h1", "Support ticket: Damage");
        String ticketPath = driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        assertThat(find("#thread").getText()).contains("The box was crushed at one corner.");

        open("/portal/tickets");
        awaitText("h1", "My support tickets");
        assertThat(find("#tickets").getText()).contains("Damage", "Open", "1 message(s)");
        assertAccessible("the support tickets page");
        browser.screenshot("tickets");

        find("form[action='/signout'] button").click();
        awaitText("h1", "Track a parcel");
        signIn(customer().email(), PASSWORD, "My shipments");
        open("/portal/shipments/" + shipment);
        awaitText("h1", "Not found");
        open(ticketPath);
        awaitText("h1", "Not found");
        open("/portal/tickets");
        assertThat(find("#tickets").getText()).contains("0 ticket(s)");
    }
}
