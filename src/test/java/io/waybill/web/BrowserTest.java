package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/** The pages in a real browser, against the whole server on a random port on the loopback address. */
@TestPropertySource(properties = "server.address=127.0.0.1")
abstract class BrowserTest extends ApiTest {

    @RegisterExtension
    final Browser browser = new Browser();

    WebDriver driver() {
        return browser.driver();
    }

    void open(String path) {
        driver().get("http://127.0.0.1:" + port() + path);
    }

    WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement field = driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits for the element's text, as the page's script or a navigation changes it. */
    void awaitText(String css, String text) {
        browser.waiting(Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.cssSelector(css), text));
    }

    /** Signs in through the form; every account lands on its shipments. */
    void signIn(String email, String password) {
        open("/signin");
        type("email", email);
        type("password", password);
        find("form.form button[type=submit]").click();
        awaitText("h1", "My shipments");
    }

    void assertAccessible(String page) {
        assertThat(browser.seriousAccessibilityViolations()).as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }
}
