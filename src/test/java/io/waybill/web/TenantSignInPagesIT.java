package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import io.waybill.support.PageSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages sign in to a tenant (issue 13): the sign-in, registration and reset forms take the
 * tenant's slug ({@code tenant}, filled in by {@code ?tenant=}), and the session is that tenant's. The
 * same address may be a customer of two tenants, with a password each.
 */
class TenantSignInPagesIT extends ApiTest {

    @Test
    void shouldSignInToTheTenantTheFormNamesAndShowOnlyThatTenantsShipments() throws Exception {
        TenantAdmin bravo = newTenant();
        String email = Api.uniqueEmail("pages.two.tenants");
        Account inDefault = registered(null, email);
        Account inBravo = registered(bravo.slug(), email);
        Api.Response defaultShipment = book(inDefault);
        Api.Response bravoShipment = book(inBravo);
        PageSession session = new PageSession(port());

        assertThat(session.get("/signin?tenant=" + bravo.slug()).body()).contains("value=\"" + bravo.slug() + "\"");
        HttpResponse<String> signedIn = session.post("/signin", Map.of("tenant", bravo.slug(), "email", email,
                "password", PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String portal = session.get("/portal").body();

        assertThat(portal).contains(bravoShipment.text("tracking_number"))
                .doesNotContain(defaultShipment.text("tracking_number"));
        assertThat(session.get("/portal/shipments/" + bravoShipment.text("id")).statusCode()).isEqualTo(200);
        assertThat(session.get("/portal/shipments/" + defaultShipment.text("id")).statusCode())
                .as("the default tenant's shipment, from bravo's session").isEqualTo(404);

        // Signing in again without a tenant, from the same browser, is the default tenant's sign-in.
        assertThat(session.post("/signin", Map.of("email", email, "password", PASSWORD)).statusCode()).isEqualTo(302);
        assertThat(session.get("/portal").body()).contains(defaultShipment.text("tracking_number"))
                .doesNotContain(bravoShipment.text("tracking_number"));
    }

    @Test
    void shouldRegisterOnThePagesInTheTenantTheFormNames() throws Exception {
        TenantAdmin bravo = newTenant();
        String email = Api.uniqueEmail("pages.register.bravo");
        PageSession session = new PageSession(port());
        assertThat(session.get("/register?tenant=" + bravo.slug()).body()).contains("value=\"" + bravo.slug() + "\"")
                .contains("href=\"/signin?tenant=" + bravo.slug() + "\"");

        HttpResponse<String> registered = session.post("/register", Map.of("tenant", bravo.slug(), "email", email,
                "password", PASSWORD, "full_name", "Chitra Of Bravo"));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(session.get("/portal").statusCode()).isEqualTo(200);
        assertThat(loginTo(bravo.slug(), email, PASSWORD).id()).isNotNull();
        assertProblem(api.post("/auth/login", null, Map.of("email", email, "password", PASSWORD)), 401);
    }

    @Test
    void shouldResetThePasswordOfTheAccountInTheTenantTheFormNames() throws Exception {
        TenantAdmin bravo = newTenant();
        String email = Api.uniqueEmail("pages.reset.bravo");
        registered(null, email);
        registered(bravo.slug(), email);
        Mailbox.await(email, 2);
        PageSession session = new PageSession(port());

        HttpResponse<String> asked = session.post("/forgot-password", Map.of("tenant", bravo.slug(), "email", email));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        String token = Mailbox.tokenIn(email, 3);
        HttpResponse<String> reset = session.post("/reset-password", Map.of("token", token,
                "new_password", "bravo-new-password"));

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(loginTo(bravo.slug(), email, "bravo-new-password").id()).isNotNull();
        assertThat(login(email, PASSWORD).id()).as("the default tenant's account keeps its password").isNotNull();
    }

    @Test
    void shouldSayWhenTheTenantNamedDoesNotExist() throws Exception {
        String missing = "no-such-tenant-" + System.nanoTime();
        String email = Api.uniqueEmail("pages.no.tenant");
        PageSession session = new PageSession(port());

        for (String page : new String[] {"/signin", "/register", "/forgot-password"}) {
            HttpResponse<String> form = session.get(page + "?tenant=" + missing);
            assertThat(form.statusCode()).as(page).isEqualTo(404);
            assertThat(form.body()).as(page).contains("is not a tenant of this platform")
                    .doesNotContain("/auth/oidc/");
        }
        HttpResponse<String> signIn = session.post("/signin", Map.of("tenant", missing, "email", email,
                "password", PASSWORD));
        HttpResponse<String> malformed = session.post("/signin", Map.of("tenant", "Not a slug!", "email", email,
                "password", PASSWORD));
        HttpResponse<String> register = session.post("/register", Map.of("tenant", missing, "email", email,
                "password", PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(422);
        assertThat(signIn.body()).contains("is not a tenant of this platform");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("lower-case letters, digits or dashes");
        assertThat(register.statusCode()).isEqualTo(422);
        assertThat(register.body()).contains("is not a tenant of this platform");
        assertProblem(api.post("/auth/login", null, Map.of("email", email, "password", PASSWORD)), 401);
    }

    @Test
    void shouldKeepTheTenantAndThePageAskedForTogetherThroughTheSignIn() throws Exception {
        TenantAdmin bravo = newTenant();
        String email = Api.uniqueEmail("pages.continue.bravo");
        Account inBravo = registered(bravo.slug(), email);
        String shipment = book(inBravo).text("id");
        String asked = "/portal/shipments/" + shipment;
        PageSession session = new PageSession(port());

        // A tenant's page opened signed out sends to that tenant's sign-in page, on the way to it.
        HttpResponse<String> signedOut = session.get(asked + "?tenant=" + bravo.slug());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow())
                .endsWith("/signin?tenant=" + bravo.slug() + "&continue=%2Fportal%2Fshipments%2F" + shipment
                        + "%3Ftenant%3D" + bravo.slug());

        String form = session.get("/signin?continue=" + asked + "&tenant=" + bravo.slug()).body();
        assertThat(form).contains("name=\"continue\" value=\"" + asked + "\"")
                .contains("value=\"" + bravo.slug() + "\"")
                .contains("href=\"/register?tenant=" + bravo.slug() + "\"");
        HttpResponse<String> wrong = session.post("/signin", Map.of("tenant", bravo.slug(), "email", email,
                "password", "not-the-password", "continue", asked));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).as("a refused sign-in keeps both").contains("name=\"continue\" value=\"" + asked + "\"")
                .contains("value=\"" + bravo.slug() + "\"");
        HttpResponse<String> signedIn = session.post("/signin", Map.of("tenant", bravo.slug(), "email", email,
                "password", PASSWORD, "continue", asked));

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(asked);
        assertThat(session.get(asked).statusCode()).as("bravo's shipment, in bravo's session").isEqualTo(200);
    }

    /** A customer registered through the API in the tenant of this slug (none: the default tenant). */
    private Account registered(String slug, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD,
                "full_name", "Customer Of Two"));
        if (slug != null) {
            body.put("tenant", slug);
        }
        Api.Response response = api.post("/auth/register", null, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return slug == null ? login(email, PASSWORD) : loginTo(slug, email, PASSWORD);
    }
}
