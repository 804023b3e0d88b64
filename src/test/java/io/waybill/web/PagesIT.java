package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP: their session cookie, CSRF tokens and content security policy, and that
 * the API's own chain is left as it was (stateless, bearer tokens, problem bodies).
 */
class PagesIT extends ApiTest {

    private PageSession browser;

    @BeforeEach
    void openBrowser() {
        browser = new PageSession(port());
    }

    @Test
    void shouldRefuseAFormPostedWithoutItsCsrfToken() throws Exception {
        HttpResponse<String> form = browser.get("/signin");
        assertThat(form.statusCode()).isEqualTo(200);
        String token = PageSession.csrfToken(form.body());

        assertThat(browser.post("/signin", "email=a%40b.test&password=whatever-long").statusCode()).isEqualTo(403);
        assertThat(browser.post("/signin", "email=a%40b.test&password=whatever-long&_csrf=not-the-token").statusCode())
                .isEqualTo(403);
        assertThat(browser.post("/register", "email=c%40d.test&password=whatever-long").statusCode()).isEqualTo(403);
        // With its token the same form is answered (here: the wrong password, beside the form).
        HttpResponse<String> answered = browser.post("/signin",
                "email=a%40b.test&password=whatever-long&_csrf=" + token);
        assertThat(answered.statusCode()).isEqualTo(401);
        assertThat(answered.body()).contains("The email or password is incorrect.");
    }

    @Test
    void shouldSignInWithASessionCookieThatScriptsCannotReadAndAFreshCsrfToken() throws Exception {
        Account customer = customer();
        HttpResponse<String> form = browser.get("/signin");
        String before = PageSession.csrfToken(form.body());
        HttpResponse<String> signedIn = browser.post("/signin", "email=" + customer.email().replace("@", "%40")
                + "&password=" + PASSWORD + "&_csrf=" + before);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("waybill_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> portal = browser.get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("My shipments");
        assertThat(PageSession.csrfToken(portal.body())).isNotEqualTo(before);
    }

    @Test
    void shouldSendTheSignedOutToSignInAndEndTheSessionWhenTheOwnerLogsOutEverywhere() throws Exception {
        HttpResponse<String> anonymous = browser.get("/portal");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/signin?continue=%2Fportal");

        Account customer = customer();
        String token = PageSession.csrfToken(browser.get("/signin").body());
        browser.post("/signin", "email=" + customer.email().replace("@", "%40") + "&password=" + PASSWORD
                + "&_csrf=" + token);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);

        assertThat(api.post("/auth/logout-all", customer.token(), null).status()).isEqualTo(204);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void shouldServeThePagesUnderAPolicyWithoutInlineScriptsAndLeaveTheApiAsItWas() throws Exception {
        HttpResponse<String> home = browser.get("/");
        String policy = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(home.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.body()).contains("<html lang=\"en\"").doesNotContainPattern("<script>(?!</script>)")
                .containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js");
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(browser.get("/assets/live.js").statusCode()).isEqualTo(200);

        HttpResponse<String> api = browser.get("/shipments");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
    }

    @Test
    void shouldOfferNoProviderSignInWhenNoProviderIsConfigured() throws Exception {
        assertThat(browser.get("/signin").body()).doesNotContain("/auth/oidc/");
        assertThat(browser.get("/auth/oidc/google").statusCode()).isEqualTo(401);
        HttpResponse<String> finish = browser.get("/signin/provider");
        assertThat(finish.statusCode()).isEqualTo(403);
        assertThat(finish.body()).contains("failed or expired");
    }

    @Test
    void shouldLandEachRoleOnItsOwnPagesAfterSigningIn() throws Exception {
        Account agent = agent();
        Account customer = customer();

        assertThat(landing(signIn(agent.email(), PASSWORD, null))).isEqualTo("/agent");
        assertThat(landing(signIn(ADMIN_EMAIL, ADMIN_PASSWORD, null))).isEqualTo("/admin");
        assertThat(landing(signIn(customer.email(), PASSWORD, null))).isEqualTo("/portal");
    }

    @Test
    void shouldContinueAfterSigningInToThePageTheVisitorWasSentFrom() throws Exception {
        Account agent = agent();
        HttpResponse<String> anonymous = browser.get("/agent/scan?code=TRK123");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        String signInPage = anonymous.headers().firstValue("Location").orElseThrow();
        assertThat(signInPage).endsWith("/signin?continue=%2Fagent%2Fscan%3Fcode%3DTRK123");

        HttpResponse<String> form = browser.get(signInPage.substring(signInPage.indexOf("/signin")));
        assertThat(form.body()).contains("name=\"continue\" value=\"/agent/scan?code=TRK123\"");
        HttpResponse<String> signedIn = browser.post("/signin", "email=" + agent.email().replace("@", "%40")
                + "&password=" + PASSWORD + "&continue=%2Fagent%2Fscan%3Fcode%3DTRK123&_csrf="
                + PageSession.csrfToken(form.body()));
        assertThat(landing(signedIn)).isEqualTo("/agent/scan?code=TRK123");
    }

    @Test
    void shouldIgnoreAContinueTargetOffThisSite() throws Exception {
        Account customer = customer();
        for (String target : new String[] {"https://evil.test/portal", "//evil.test/portal", "/\\evil.test"}) {
            String encoded = java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(browser.get("/signin?continue=" + encoded).body()).doesNotContain("name=\"continue\"");
            assertThat(landing(signIn(customer.email(), PASSWORD, encoded))).as(target).isEqualTo("/portal");
        }
    }

    /** Signs in with a fresh session (continuing to the encoded target when given); the answer to the form. */
    private HttpResponse<String> signIn(String email, String password, String encodedTarget)
            throws IOException, InterruptedException {
        PageSession fresh = new PageSession(port());
        String token = PageSession.csrfToken(fresh.get("/signin").body());
        String form = "email=" + email.replace("@", "%40") + "&password=" + password + "&_csrf=" + token
                + (encodedTarget == null ? "" : "&continue=" + encodedTarget);
        return fresh.post("/signin", form);
    }

    /** Where a sign-in sent the browser, as a path on this site. */
    private String landing(HttpResponse<String> signedIn) {
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI location = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPort()).as("a page of this site").isIn(-1, port());
        return location.getRawQuery() == null ? location.getPath() : location.getPath() + "?" + location.getQuery();
    }
}
