package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.ApiTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP: their session cookie, CSRF tokens and content security policy, and that
 * the API's own chain is left as it was (stateless, bearer tokens, problem bodies).
 */
class PagesIT extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void shouldRefuseAFormPostedWithoutItsCsrfToken() throws Exception {
        HttpResponse<String> form = get("/signin");
        assertThat(form.statusCode()).isEqualTo(200);
        String token = csrfToken(form.body());

        assertThat(post("/signin", "email=a%40b.test&password=whatever-long").statusCode()).isEqualTo(403);
        assertThat(post("/signin", "email=a%40b.test&password=whatever-long&_csrf=not-the-token").statusCode())
                .isEqualTo(403);
        assertThat(post("/register", "email=c%40d.test&password=whatever-long").statusCode()).isEqualTo(403);
        // With its token the same form is answered (here: the wrong password, beside the form).
        HttpResponse<String> answered = post("/signin", "email=a%40b.test&password=whatever-long&_csrf=" + token);
        assertThat(answered.statusCode()).isEqualTo(401);
        assertThat(answered.body()).contains("The email or password is incorrect.");
    }

    @Test
    void shouldSignInWithASessionCookieThatScriptsCannotReadAndAFreshCsrfToken() throws Exception {
        Account customer = customer();
        HttpResponse<String> form = get("/signin");
        String before = csrfToken(form.body());
        HttpResponse<String> signedIn = post("/signin", "email=" + customer.email().replace("@", "%40")
                + "&password=" + PASSWORD + "&_csrf=" + before);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("waybill_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> portal = get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("My shipments");
        assertThat(csrfToken(portal.body())).isNotEqualTo(before);
    }

    @Test
    void shouldSendTheSignedOutToSignInAndEndTheSessionWhenTheOwnerLogsOutEverywhere() throws Exception {
        HttpResponse<String> anonymous = get("/portal");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/signin?continue=%2Fportal");

        Account customer = customer();
        String token = csrfToken(get("/signin").body());
        post("/signin", "email=" + customer.email().replace("@", "%40") + "&password=" + PASSWORD + "&_csrf=" + token);
        assertThat(get("/portal").statusCode()).isEqualTo(200);

        assertThat(api.post("/auth/logout-all", customer.token(), null).status()).isEqualTo(204);
        assertThat(get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void shouldServeThePagesUnderAPolicyWithoutInlineScriptsAndLeaveTheApiAsItWas() throws Exception {
        HttpResponse<String> home = get("/");
        String policy = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(home.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.body()).contains("<html lang=\"en\"").doesNotContainPattern("<script>(?!</script>)")
                .containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js");
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/assets/live.js").statusCode()).isEqualTo(200);

        HttpResponse<String> api = get("/shipments");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
    }

    @Test
    void shouldOfferNoProviderSignInWhenNoProviderIsConfigured() throws Exception {
        assertThat(get("/signin").body()).doesNotContain("/auth/oidc/");
        assertThat(get("/auth/oidc/google").statusCode()).isEqualTo(401);
        HttpResponse<String> finish = get("/signin/provider");
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
        HttpResponse<String> anonymous = get("/agent/scan?code=TRK123");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        String signInPage = anonymous.headers().firstValue("Location").orElseThrow();
        assertThat(signInPage).endsWith("/signin?continue=%2Fagent%2Fscan%3Fcode%3DTRK123");

        HttpResponse<String> form = get(signInPage.substring(signInPage.indexOf("/signin")));
        assertThat(form.body()).contains("name=\"continue\" value=\"/agent/scan?code=TRK123\"");
        HttpResponse<String> signedIn = post("/signin", "email=" + agent.email().replace("@", "%40") + "&password="
                + PASSWORD + "&continue=%2Fagent%2Fscan%3Fcode%3DTRK123&_csrf=" + csrfToken(form.body()));
        assertThat(landing(signedIn)).isEqualTo("/agent/scan?code=TRK123");
    }

    @Test
    void shouldIgnoreAContinueTargetOffThisSite() throws Exception {
        Account customer = customer();
        for (String target : new String[] {"https://evil.test/portal", "//evil.test/portal", "/\\evil.test"}) {
            String encoded = java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(get("/signin?continue=" + encoded).body()).doesNotContain("name=\"continue\"");
            assertThat(landing(signIn(customer.email(), PASSWORD, encoded))).as(target).isEqualTo("/portal");
        }
    }

    /** Signs in with a fresh session (continuing to the encoded target when given); the answer to the form. */
    private HttpResponse<String> signIn(String email, String password, String encodedTarget)
            throws IOException, InterruptedException {
        HttpClient fresh = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrfToken(fresh.send(HttpRequest.newBuilder(uri("/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String form = "email=" + email.replace("@", "%40") + "&password=" + password + "&_csrf=" + token
                + (encodedTarget == null ? "" : "&continue=" + encodedTarget);
        return fresh.send(HttpRequest.newBuilder(uri("/signin")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a sign-in sent the browser, as a path on this site. */
    private String landing(HttpResponse<String> signedIn) {
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        String site = "http://localhost:" + port();
        return location.startsWith(site) ? location.substring(site.length()) : location;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
        return matcher.group(1);
    }
}
