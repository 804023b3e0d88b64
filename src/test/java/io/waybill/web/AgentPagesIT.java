package io.waybill.web;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A delivery agent in a phone-sized window: signs in, finds the shipment assigned to them, opens it
 * by typing its label's number, and delivers it on the code texted to the recipient; the public page
 * then says delivered. And the wrong people: a customer is refused, the signed-out go to sign in.
 */
class AgentPagesIT extends BrowserTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Test
    void shouldLetAnAgentScanByHandAndDeliverWithTheRecipientsCode() {
        Account agent = agent();
        String phone = "+9198" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        Api.Response booked = api.post("/shipments", customer().token(), Map.of("source_address", "12 Anna Salai, Chennai",
                "destination_address", "5 MG Road, Bengaluru", "recipient_name", "Ravi Kumar", "recipient_phone", phone));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(id, agent, status, "Bengaluru hub").status()).isEqualTo(200);
        }
        String code = textedCode(phone);

        signIn(agent.email(), PASSWORD, "Today's deliveries");
        assertThat(find("#round").getText()).contains(number, "Out for delivery", "5 MG Road, Bengaluru", "Ravi Kumar");
        assertAccessible("the agent's deliveries");
        ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript(
                "document.getElementById('round-heading').scrollIntoView()");
        browser.screenshot("agent");

        type("code", number.toLowerCase());
        find("#scan-form button[type=submit]").click();
        awaitText("h1", "Shipment " + number);
        assertThat(find("#status").getText()).isEqualTo("Out for delivery");
        assertAccessible("the agent's shipment page");

        type("code", code);
        find("#deliver-form button[type=submit]").click();
        awaitText("#queue-list li.sent", "Sent: The shipment is delivered.");
        assertThat(find("#status").getText()).isEqualTo("Delivered");

        open("/t/" + number);
        awaitText("#status", "Delivered");
        assertThat(api.get("/shipments/" + id + "/proof-of-delivery", agent.token()).text("kind")).isEqualTo("otp");
    }

    @Test
    void shouldQueueAFailedAttemptMadeOfflineAndSendItOnceBackOnline() {
        Account agent = agent();
        String id = book(customer()).text("id");
        assign(id, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(id, agent, status, "Bangalore hub").status()).isEqualTo(200);
        }
        String number = api.get("/shipments/" + id, agent.token()).text("tracking_number");
        int entries = api.get("/tracking/" + id, agent.token()).body().size();
        signIn(agent.email(), PASSWORD, "Today's deliveries");
        open("/agent/shipments/" + number);
        awaitText("h1", "Shipment " + number);

        network(true);
        new org.openqa.selenium.support.ui.Select(find("#reason")).selectByValue("access_issue");
        find("#failed-form button[type=submit]").click();
        awaitText("#queue-list li", "Queued, will send when online: Delivery failed " + number);
        assertThat(api.get("/shipments/" + id, agent.token()).text("status")).isEqualTo("out_for_delivery");
        assertAccessible("the agent's shipment page with a queued action");

        // Back online, the page sends what waits (on the browser's online event, else at its next
        // 30-second round) without a reload; a reload right away would race that send.
        network(false);
        browser.waiting(java.time.Duration.ofSeconds(40)).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(
                org.openqa.selenium.By.cssSelector("#queue-list li.sent"),
                "Sent: The failed attempt is recorded; the shipment is now: Delivery attempt failed."));
        driver().navigate().refresh();
        awaitText("h1", "Shipment " + number);
        assertThat(driver().findElements(org.openqa.selenium.By.cssSelector("#queue-list li"))).isEmpty();
        assertThat(api.get("/shipments/" + id, agent.token()).text("status")).isEqualTo("delivery_failed");
        assertThat(api.get("/tracking/" + id, agent.token()).body()).hasSize(entries + 1);
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver())
                .executeScript("return localStorage.getItem('waybill.agent.queue')")).isEqualTo("[]");
    }

    /** Cuts the page off the network (or puts it back), as a phone out of coverage. */
    private void network(boolean offline) {
        var conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        conditions.setOffline(offline);
        ((org.openqa.selenium.chromium.HasNetworkConditions) driver()).setNetworkConditions(conditions);
    }

    @Test
    void shouldRefuseACustomerAndSendTheSignedOutToSignIn() {
        open("/agent");
        awaitText("h1", "Sign in");

        Account customer = customer();
        signIn(customer.email(), PASSWORD, "My shipments");
        open("/agent");
        awaitText("h1", "Not allowed");
        assertThat(find("main").getText()).contains("These pages are for delivery agents.");
        assertThat(driver().findElements(org.openqa.selenium.By.cssSelector("a[href='/agent']"))).isEmpty();
    }

    /** The code as the recipient's text message carries it. */
    private String textedCode(String phone) {
        List<String> bodies = new ArrayList<>();
        eventually(() -> {
            bodies.clear();
            bodies.addAll(database().sql("select body from notifications.notifications where kind = 'delivery_code' "
                    + "and channel = 'sms' and recipient = ?").param(phone).query(String.class).list());
            assertThat(bodies).hasSize(1);
        });
        Matcher code = CODE.matcher(bodies.get(0));
        assertThat(code.find()).as(bodies.get(0)).isTrue();
        return code.group(1);
    }
}
