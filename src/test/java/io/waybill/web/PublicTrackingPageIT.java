package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/** The public tracking page in a browser: found from the search box, and kept current without a reload. */
class PublicTrackingPageIT extends BrowserTest {

    @Test
    void shouldUpdateThePublicPageLiveWhenTheAgentChangesTheStatus() {
        Account customer = customer();
        Account agent = agent();
        String origin = hub("Chennai", 13.0827, 80.2707);
        String transit = hub("Vellore", 12.9165, 79.1325);
        Api.Response booked = book(customer);
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);

        open("/");
        type("number", number);
        driver().findElement(By.id("number")).sendKeys(Keys.ENTER);
        awaitText("#status", "Booked");
        assertThat(driver().getCurrentUrl()).endsWith("/t/" + number);
        assertThat(driver().getPageSource()).doesNotContain(customer.email()).doesNotContain("Test customer");
        // A mark on the window: it survives only if the page is never reloaded.
        ((JavascriptExecutor) driver()).executeScript("window.notReloaded = true;");

        assertThat(move(id, agent, "picked_up", origin).status()).isEqualTo(200);
        awaitText("#status", "Picked up");
        assertThat(move(id, agent, "in_transit", transit).status()).isEqualTo(200);
        awaitText("#status", "In transit");

        assertThat(((JavascriptExecutor) driver()).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(find("#timeline").getText()).contains("Picked up", origin, "In transit", transit, "Booked");
        assertThat(driver().findElements(By.cssSelector("#map-points li"))).hasSize(2);
        browser.screenshot("tracking");
        assertAccessible("the tracking page");
    }

    @Test
    void shouldShowTheSearchBoxAndAnUnknownNumberAccessibly() {
        open("/");
        assertAccessible("the home page");
        browser.screenshot("home");

        open("/t/TRK00000000000");
        assertThat(find("h1").getText()).isEqualTo("Not found");
        assertThat(find("main").getText()).contains("No shipment has the number TRK00000000000");
        assertAccessible("the not-found page");
    }

    /**
     * A hub near this city, in a town of its own: a hub in the city itself would route every shipment
     * other tests book from there (and they expect none).
     */
    private String hub(String city, double latitude, double longitude) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = city + " hub " + suffix;
        Api.Response created = api.post("/admin/hubs", admin().token(), Map.of("hub_name", name, "city", city + suffix,
                "address", "1 Main Road", "latitude", latitude, "longitude", longitude));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }
}
