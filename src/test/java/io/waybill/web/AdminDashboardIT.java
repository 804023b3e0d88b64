package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.junit.jupiter.api.Test;

/** An admin's dashboard in a phone-sized browser: it counts a delivery, draws its charts, and refuses a customer. */
class AdminDashboardIT extends BrowserTest {

    @Test
    void shouldCountTodaysDeliveryOnTheAdminsDashboard() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin");
        awaitText("h1", "Dashboard");
        long before = Long.parseLong(find("#today-delivered").getText());

        Account customer = customer();
        Account agent = agent();
        String shipment = book(customer).text("id");
        assign(shipment, agent);
        for (String status : new String[] {"picked_up", "in_transit", "out_for_delivery"}) {
            assertThat(move(shipment, agent, status, "Chennai").status()).isEqualTo(200);
        }
        deliver(shipment, agent, "Bangalore");
        awaitEvents();

        open("/admin");
        awaitText("#today-delivered", Long.toString(before + 1));
        // The charts are drawn by the page's own script under the page's policy: Chart.js knows each canvas.
        browser.waiting(Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return !!(window.Chart && Chart.getChart('chart-bookings') && Chart.getChart('chart-reasons'));")));
        assertThat(find("#table-days").getText()).contains("Delivered");
        assertAccessible("the admin dashboard");
        ((JavascriptExecutor) driver()).executeScript("document.getElementById('trend-title').scrollIntoView();");
        browser.screenshot("admin");

        find("a[href='/admin/pages/audit']").click();
        awaitText("h1", "Audit log");
        assertAccessible("the audit log page");
        find("a[href='/admin/pages/webhooks']").click();
        awaitText("h1", "Webhooks");
        assertAccessible("the webhooks page");
    }

    @Test
    void shouldShowACustomerTheRefusalPage() {
        Account customer = customer();
        signIn(customer.email(), PASSWORD);
        open("/admin");
        awaitText("h1", "Not allowed");
        assertThat(driver().findElements(org.openqa.selenium.By.id("today-delivered"))).isEmpty();
    }
}
