package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A delivery agent's bags in a phone-sized window: the bag assigned to them is on their page; they
 * scan its code, mark it arrived, and every shipment inside gets the entry. Another agent's bag is
 * not found, and a bag code with a wrong check digit is refused beside the field.
 */
class AgentBagsIT extends BrowserTest {

    @Test
    void shouldLetAnAgentScanTheirBagAndMarkItArrived() {
        String admin = admin().token();
        Account customer = customer();
        Account agent = agent();
        String from = city("Bagfrom");
        String to = city("Bagto");
        String origin = hub(from);
        String destination = hub(to);
        List<String> shipments = List.of(routedShipment(customer, from), routedShipment(customer, from));
        String code = dispatchedBag(admin, origin, destination, shipments, agent);
        String othersCode = dispatchedBag(admin, origin, destination, List.of(routedShipment(customer, from)), agent());

        signIn(agent.email(), PASSWORD, "Today's deliveries");
        assertThat(find("#bags").getText()).contains(code, "Hub of " + from + " \u2192 Hub of " + to, "Dispatched")
                .doesNotContain(othersCode);
        assertAccessible("the agent's deliveries with their bags");

        type("code", othersCode);
        find("#scan-form button[type=submit]").click();
        awaitText("#code-error", "No bag " + othersCode + " among yours: it is unknown or assigned to another agent.");
        String wrongDigit = code.substring(0, 12) + (char) ('0' + (code.charAt(12) - '0' + 1) % 10);
        type("code", wrongDigit);
        find("#scan-form button[type=submit]").click();
        browser.waiting(java.time.Duration.ofSeconds(20)).until(ExpectedConditions.textMatches(
                By.id("code-error"), java.util.regex.Pattern.compile(".*check digit is wrong.*")));
        assertThat(find("#code").getAttribute("aria-invalid")).isEqualTo("true");

        type("code", code.toLowerCase());
        find("#scan-form button[type=submit]").click();
        awaitText("h1", "Bag " + code);
        assertThat(find("#bag-shipments").getText()).isEqualTo("2");
        assertAccessible("the agent's bag page");

        new Select(find("#bag-event")).selectByValue("arrived");
        find("#bag-scan-form button[type=submit]").click();
        awaitText("#queue-list li.sent", "Sent: The bag is now: Arrived; 2 shipment(s) got the entry.");
        awaitText("#status", "Arrived");
        assertAccessible("the agent's bag page after a scan");

        for (String shipment : shipments) {
            JsonNode history = api.get("/tracking/" + shipment, customer.token()).body();
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("note").asString()).isEqualTo("Arrived in bag " + code);
            assertThat(last.get("location").asString()).isEqualTo("Hub of " + to);
            assertThat(last.get("status").asString()).isEqualTo("in_transit");
        }
        assertThat(api.get("/bags/" + code, admin).text("status")).isEqualTo("arrived");
    }
}
