package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.FakeOidcProvider;
import io.waybill.support.FakeOidcProvider.Person;
import io.waybill.support.Mailbox;
import io.waybill.support.OidcBrowser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in with an OpenID Connect provider, against a provider on the loopback interface: a browser
 * that keeps cookies follows the redirects by hand (Waybill, the provider, Waybill's callback).
 */
@TestPropertySource(properties = {
        "spring.security.oauth2.client.registration.local.client-id=" + FakeOidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.local.client-secret=" + FakeOidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.local.scope=openid,email,profile",
        "spring.security.oauth2.client.registration.local.client-name=Local ID",
        "waybill.oidc.return-uris=waybill-test://signed-in"})
class ProviderSignInApiIT extends ApiTest {

    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.local.issuer-uri", PROVIDER::issuer);
    }

    @Test
    void shouldCreateACustomerOnTheFirstSignInAndGiveWaybillsOwnTokens() throws Exception {
        Person person = person(Api.uniqueEmail("oidc.first"), true);

        OidcBrowser browser = newBrowser();
        String code = browser.signInForCode(person, "");
        Api.Response tokens = api.post("/auth/oidc/token", null, Map.of("code", code));

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.text("role")).isEqualTo("customer");
        assertThat(tokens.text("token_type")).isEqualTo("bearer");
        Api.Response me = api.get("/auth/me", tokens.text("access_token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(person.email().toLowerCase());
        assertThat(me.text("full_name")).isEqualTo("Asha From The Provider");
        assertThat(api.post("/auth/refresh", null, Map.of("refresh_token", tokens.text("refresh_token"))).status())
                .isEqualTo(200);
        UUID userId = UUID.fromString(tokens.text("user_id"));
        assertThat(database().sql("select email_verified_at is not null from identity.users where id = ?").param(userId)
                .query(Boolean.class).single()).isTrue();
        assertThat(database().sql("select count(*) from audit.events where kind = 'sign_in' and actor_id = ? "
                + "and credential = 'oidc local'").param(userId).query(Long.class).single()).isEqualTo(1);
        // PKCE and the nonce went to the provider; the provider checked the verifier before it answered.
        Map<String, String> authorization = PROVIDER.authorizations().get(PROVIDER.authorizations().size() - 1).parameters();
        assertThat(authorization).containsEntry("code_challenge_method", "S256").containsKey("nonce")
                .containsKey("state").containsEntry("redirect_uri", "http://127.0.0.1:" + port() + "/login/oauth2/code/local");
    }

    @Test
    void shouldFindTheAccountByItsProviderIdentityEvenAfterTheEmailChanged() throws Exception {
        Person person = person(Api.uniqueEmail("oidc.again"), true);
        UUID first = signIn(person);

        UUID again = signIn(person);
        UUID afterEmailChange = signIn(new Person(person.subject(), Api.uniqueEmail("oidc.changed"), false, null));

        assertThat(again).isEqualTo(first);
        assertThat(afterEmailChange).isEqualTo(first);
    }

    @Test
    void shouldLinkAnExistingPasswordAccountWithTheSameVerifiedEmail() throws Exception {
        Account customer = customer();
        String verification = Mailbox.token(Mailbox.await(customer.email(), 1).get(0));
        assertThat(api.post("/auth/verify-email", null, Map.of("token", verification)).status()).isEqualTo(204);

        UUID signedIn = signIn(person(customer.email().toUpperCase(), true));

        assertThat(signedIn).isEqualTo(customer.id());
        assertThat(login(customer.email(), PASSWORD).id()).isEqualTo(customer.id());
        assertThat(database().sql("select count(*) from identity.provider_links where user_id = ?").param(customer.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldEndThePasswordOfAnUnverifiedAccountItLinksSoThatNoOneElsesRegistrationTakesItOver() throws Exception {
        Account squatter = customer();

        UUID signedIn = signIn(person(squatter.email(), true));

        assertThat(signedIn).isEqualTo(squatter.id());
        assertProblem(api.post("/auth/login", null, Map.of("email", squatter.email(), "password", PASSWORD)), 401);
        assertThat(api.get("/auth/me", squatter.token()).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnEmailTheProviderHasNotVerified() throws Exception {
        String email = Api.uniqueEmail("oidc.unverified");
        for (Boolean verified : new Boolean[] {false, null}) {
            HttpResponse<String> callback = newBrowser().callback(person(email, verified), "");

            assertThat(callback.statusCode()).isEqualTo(403);
            assertThat(callback.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(callback.body()).contains("has not verified the email address");
        }
        assertThat(database().sql("select count(*) from identity.users where email = ?").param(email.toLowerCase())
                .query(Long.class).single()).isZero();
    }

    @Test
    void shouldRefuseACallbackWhoseStateThisBrowserDidNotStart() throws Exception {
        OidcBrowser browser = newBrowser();
        PROVIDER.signIn(person(Api.uniqueEmail("oidc.state"), true));
        URI authorize = browser.start("");
        URI callback = browser.atProvider(authorize);
        String forged = callback.toString().replaceFirst("state=[^&]+", "state=forged-state");

        HttpResponse<String> refused = browser.get(URI.create(forged));
        HttpResponse<String> elsewhere = newBrowser().get(callback);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("failed or expired");
        assertThat(elsewhere.statusCode()).as("another browser, without the session that started it").isEqualTo(401);
    }

    @Test
    void shouldRefuseACodeUsedTwiceOrMadeUp() throws Exception {
        String code = newBrowser().signInForCode(person(Api.uniqueEmail("oidc.twice"), true), "");

        assertThat(api.post("/auth/oidc/token", null, Map.of("code", code)).status()).isEqualTo(200);
        assertProblem(api.post("/auth/oidc/token", null, Map.of("code", code)), 401);
        assertProblem(api.post("/auth/oidc/token", null, Map.of("code", "made-up")), 401);
        assertProblem(api.post("/auth/oidc/token", null, Map.of()), 422);
    }

    @Test
    void shouldRefuseADeletedAccount() throws Exception {
        Person person = person(Api.uniqueEmail("oidc.deleted"), true);
        UUID id = signIn(person);
        assertThat(api.delete("/admin/users/" + id, admin().token()).status()).isEqualTo(204);

        HttpResponse<String> refused = newBrowser().callback(person, "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("disabled");
    }

    @Test
    void shouldSendTheCodeOnlyToAConfiguredReturnUri() throws Exception {
        OidcBrowser browser = newBrowser();
        assertProblem(OidcBrowser.asApi(browser.get(uri("/auth/oidc/local?return_to=https%3A%2F%2Fevil.example%2F"))), 422);
        assertProblem(OidcBrowser.asApi(browser.get(uri("/auth/oidc/local?for=somewhere"))), 422);
        assertProblem(OidcBrowser.asApi(browser.get(uri("/auth/oidc/nowhere"))), 404);

        HttpResponse<String> callback = browser.callback(person(Api.uniqueEmail("oidc.app"), true),
                "?return_to=waybill-test%3A%2F%2Fsigned-in");

        assertThat(callback.statusCode()).isEqualTo(302);
        String location = callback.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("waybill-test://signed-in?code=").doesNotContain("token");
        String code = URLDecoder.decode(location.substring(location.indexOf("code=") + 5), StandardCharsets.UTF_8);
        assertThat(api.post("/auth/oidc/token", null, Map.of("code", code)).status()).isEqualTo(200);
    }

    @Test
    void shouldTellTheAppWhenTheSignInIsRefused() throws Exception {
        HttpResponse<String> callback = newBrowser().callback(person(Api.uniqueEmail("oidc.app.refused"), false),
                "?return_to=waybill-test%3A%2F%2Fsigned-in");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow())
                .startsWith("waybill-test://signed-in?error=access_denied&error_description=");
    }

    @Test
    void shouldSignThePagesInWithAButtonForEachProvider() throws Exception {
        OidcBrowser browser = newBrowser();
        assertThat(browser.get(uri("/signin")).body()).contains("Sign in with Local ID")
                .contains("href=\"/auth/oidc/local?for=web\"");

        HttpResponse<String> callback = browser.callback(person(Api.uniqueEmail("oidc.pages"), true), "?for=web");
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/signin/provider");
        HttpResponse<String> finished = browser.get(uri("/signin/provider"));

        assertThat(finished.statusCode()).isEqualTo(302);
        assertThat(finished.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        assertThat(browser.get(uri("/portal")).statusCode()).isEqualTo(200);
        assertThat(browser.get(uri("/signin/provider")).statusCode()).as("the code is spent").isEqualTo(403);
    }

    @Test
    void shouldShowThePagesWhyTheProviderSignInWasRefused() throws Exception {
        OidcBrowser browser = newBrowser();
        browser.callback(person(Api.uniqueEmail("oidc.pages.refused"), false), "?for=web");

        HttpResponse<String> refused = browser.get(uri("/signin/provider"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("has not verified the email address");
        assertThat(browser.get(uri("/portal")).statusCode()).isEqualTo(302);
    }

    private UUID signIn(Person person) throws Exception {
        String code = newBrowser().signInForCode(person, "");
        Api.Response tokens = api.post("/auth/oidc/token", null, Map.of("code", code));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(api.get("/auth/me", tokens.text("access_token")).status()).isEqualTo(200);
        return UUID.fromString(tokens.text("user_id"));
    }

    private static Person person(String email, Boolean verified) {
        return new Person(UUID.randomUUID().toString(), email, verified, "Asha From The Provider");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** A browser signing in through the registration 'local'. */
    private OidcBrowser newBrowser() {
        return new OidcBrowser(port(), PROVIDER, "local");
    }
}
