package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** An admin on a phone opens a hub, adds a vehicle based there, finds an agent on the map, and opens the users. */
class AdminDirectoryIT extends BrowserTest {

    @Test
    void shouldOpenAHubAddAVehicleThereAndSeeAnAgentOnTheMap() {
        Account agent = agent();
        Instant now = Instant.now();
        Api.Response reported = api.post("/agents/me/locations", agent.token(), Map.of("points", List.of(
                Map.of("lat", 13.0604, "lon", 80.2496, "accuracy_m", 12.0, "recorded_at", now.minusSeconds(20).toString()))));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD, "Dashboard");

        open("/admin");
        find("a[href='/admin/pages/hubs']").click();
        awaitText("h1", "Hubs");
        assertAccessible("the hubs page");
        find("a[href='/admin/pages/hubs/new']").click();
        awaitText("h1", "Open a hub");
        String hubName = "Egmore hub " + UUID.randomUUID().toString().substring(0, 8);
        type("hub_name", hubName);
        // A town of its own: a hub in a city other tests book from would route their shipments.
        String town = "Egmore " + hubName.substring(hubName.length() - 8);
        type("city", town);
        type("latitude", "93");
        type("longitude", "80.2605");
        find("form.form button[type=submit]").click();
        awaitText("#latitude-error", "must be between -90 and 90");
        assertThat(find("#latitude").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("the hub form with an error");
        type("latitude", "13.0732");
        type("time_zone", "Asia/Kolkata");
        find("form.form button[type=submit]").click();
        awaitText("p.alert.success", "The hub is open.");
        assertThat(find("h1").getText()).isEqualTo("Hub: " + hubName);
        assertAccessible("a hub's page");

        find("a[href='/admin/pages/vehicles']").click();
        awaitText("h1", "Vehicles");
        assertAccessible("the vehicles page");
        find("a[href='/admin/pages/vehicles/new']").click();
        awaitText("h1", "Add a vehicle");
        String registration = "TN" + (System.nanoTime() % 10_000_000);
        type("registration_number", registration);
        new Select(find("#type")).selectByVisibleText("Van");
        type("capacity_kg", "750");
        new Select(find("#hub_id")).selectByVisibleText(hubName + " (" + town + ")");
        find("form.form button[type=submit]").click();
        awaitText("p.alert.success", "The vehicle is added.");
        assertThat(new Select(find("#hub_id")).getFirstSelectedOption().getText()).isEqualTo(hubName + " (" + town + ")");
        assertAccessible("a vehicle's page");

        find("a[href='/admin/pages/agents']").click();
        awaitText("h1", "Agents on a map");
        assertThat(find("#agents").getText()).contains("Test agent", "13.06040, 80.24960", "12 m");
        // The map draws each agent as a marker from the table's rows, without any tiles configured.
        browser.waiting(Duration.ofSeconds(20)).until(driver -> !driver
                .findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());
        assertAccessible("the agents map");
        ((JavascriptExecutor) driver()).executeScript("document.getElementById('map-title').scrollIntoView();");
        browser.screenshot("admin-agents");

        find("#agents a[href='/admin/pages/users/" + agent.id() + "']").click();
        awaitText("#account-role", "Agent");
        assertAccessible("a user's page");
        find("a[href='/admin/pages/users']").click();
        awaitText("h1", "Users");
        new Select(find("#role")).selectByVisibleText("Agent");
        find("form.filters button[type=submit]").click();
        browser.waiting(Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().contains("role=agent"));
        assertAccessible("the users page");
    }
}
