package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A customer in a phone-sized browser: registers, books (after fixing a mistake), and finds the booking. */
class CustomerPortalIT extends BrowserTest {

    @Test
    void shouldLetACustomerRegisterBookAndSeeTheBooking() {
        String email = Api.uniqueEmail("portal");
        open("/register");
        assertAccessible("the registration page");
        browser.screenshot("register");
        type("full_name", "Asha Rao");
        type("email", email);
        type("password", "a-long-password");
        find("form.form button[type=submit]").click();

        awaitText("h1", "My shipments");
        assertThat(find("main").getText()).contains("Your account is ready");

        find("a.button[href='/portal/book']").click();
        awaitText("h1", "Book a shipment");
        type("source_address", "12 Anna Salai, Chennai");
        type("recipient_name", "Ravi Kumar");
        type("weight_kg", "2.5");
        find("form.form button[type=submit]").click();
        // Refused for the missing address: the error sits beside its field, and what was typed stays.
        awaitText("#destination_address-error", "is required");
        assertThat(find("#destination_address").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#recipient_name").getAttribute("value")).isEqualTo("Ravi Kumar");
        assertAccessible("the booking form with an error");
        browser.screenshot("book");

        type("destination_address", "4 MG Road, Bangalore");
        find("form.form button[type=submit]").click();
        awaitText("#status", "Booked");
        String number = find("h1").getText().replace("Shipment ", "");
        assertThat(number).startsWith("TRK");
        assertThat(find("main").getText()).contains("Your shipment is booked", "Ravi Kumar", "4 MG Road, Bangalore");
        assertThat(driver().findElements(By.cssSelector("a[href*='/label?format=pdf']"))).hasSize(1);
        assertAccessible("a shipment's page");
        browser.screenshot("shipment");

        open("/portal");
        assertThat(find("#results").getText()).contains(number, "Booked", "Ravi Kumar");
        type("q", "ravi");
        find("form.filters button[type=submit]").click();
        awaitText("#results .card-title", number);
        assertAccessible("the shipment list");
        browser.screenshot("portal");
    }

    @Test
    void shouldSendAStrangerToSignInAndRefuseAWrongPassword() {
        open("/portal");
        awaitText("h1", "Sign in");
        assertAccessible("the sign-in page");
        type("email", "nobody@waybill.test");
        type("password", "wrong-password");
        find("form.form button[type=submit]").click();
        awaitText("#form-error", "The email or password is incorrect.");
        assertAccessible("the sign-in page with an error");
    }
}
