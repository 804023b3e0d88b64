package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.FakeOidcProvider;
import io.waybill.support.FakeOidcProvider.Person;
import io.waybill.support.Mailbox;
import io.waybill.support.OidcBrowser;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Each identity provider's registration signs in to one tenant (issue 13): "alpha" to the default
 * tenant (it is not named in waybill.oidc.tenants), "bravo" to a tenant of its own, "charlie" to a
 * slug no tenant has. All three are clients of the same provider on the loopback interface, so the
 * same person (issuer and subject) signs in through each.
 */
@TestPropertySource(properties = {
        "spring.security.oauth2.client.registration.alpha.provider=local",
        "spring.security.oauth2.client.registration.alpha.client-id=" + FakeOidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.alpha.client-secret=" + FakeOidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.alpha.scope=openid,email,profile",
        "spring.security.oauth2.client.registration.alpha.client-name=Alpha ID",
        "spring.security.oauth2.client.registration.bravo.provider=local",
        "spring.security.oauth2.client.registration.bravo.client-id=" + FakeOidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.bravo.client-secret=" + FakeOidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.bravo.scope=openid,email,profile",
        "spring.security.oauth2.client.registration.bravo.client-name=Bravo ID",
        "spring.security.oauth2.client.registration.charlie.provider=local",
        "spring.security.oauth2.client.registration.charlie.client-id=" + FakeOidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.charlie.client-secret=" + FakeOidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.charlie.scope=openid,email,profile",
        "spring.security.oauth2.client.registration.charlie.client-name=Charlie ID"})
class ProviderSignInTenantsIT extends ApiTest {

    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();
    /** Bravo's tenant: named in the configuration before it exists, opened by the first test that needs it. */
    private static final String BRAVO_SLUG = "oidc-b-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String MISSING_SLUG = "oidc-none-" + UUID.randomUUID().toString().substring(0, 8);
    private static volatile UUID bravoTenant;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.local.issuer-uri", PROVIDER::issuer);
        properties.add("waybill.oidc.tenants.bravo", () -> BRAVO_SLUG);
        properties.add("waybill.oidc.tenants.charlie", () -> MISSING_SLUG);
    }

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldCreateTheAccountInTheTenantOfTheRegistration() throws Exception {
        UUID bravo = bravoTenant();
        Account elsewhere = customer();
        String defaultShipment = book(elsewhere).text("id");
        Person person = person(Api.uniqueEmail("oidc.bravo"));

        Api.Response tokens = tokens("bravo", person);

        assertThat(tenantClaim(tokens.text("access_token"))).isEqualTo(bravo.toString());
        UUID userId = UUID.fromString(tokens.text("user_id"));
        assertThat(api.get("/auth/me", tokens.text("access_token")).text("email")).isEqualTo(person.email());
        assertThat(TenantContext.callAs(bravo, () -> jdbc.sql("select count(*) from identity.users where id = ?")
                .param(userId).query(Long.class).single())).as("the account, in bravo's tenant").isOne();
        assertThat(TenantContext.callAs(TenantContext.DEFAULT, () -> jdbc.sql(
                "select count(*) from identity.users where email = ?").param(person.email()).query(Long.class).single()))
                .as("no account in the default tenant").isZero();
        assertThat(api.post("/auth/refresh", null, Map.of("refresh_token", tokens.text("refresh_token")))
                .text("access_token")).satisfies(refreshed -> assertThat(tenantClaim(refreshed)).isEqualTo(bravo.toString()));
        assertProblem(api.get("/shipments/" + defaultShipment, tokens.text("access_token")), 404);
        String own = book(new Account(userId, person.email(), tokens.text("access_token"), null)).text("id");
        assertThat(api.get("/shipments", tokens.text("access_token")).raw()).contains(own).doesNotContain(defaultShipment);
        assertProblem(api.get("/shipments/" + own, elsewhere.token()), 404);
        assertThat(TenantContext.callAs(bravo, () -> jdbc.sql("""
                select count(*) from audit.events where kind = 'sign_in' and actor_id = ? and credential = 'oidc bravo'""")
                .param(userId).query(Long.class).single())).as("the sign-in, in bravo's audit log").isOne();
    }

    @Test
    void shouldMakeTheSamePersonASeparateAccountInEachTenant() throws Exception {
        UUID bravo = bravoTenant();
        Person person = person(Api.uniqueEmail("oidc.both"));

        UUID inBravo = UUID.fromString(tokens("bravo", person).text("user_id"));
        Api.Response atAlpha = tokens("alpha", person);
        UUID inDefault = UUID.fromString(atAlpha.text("user_id"));

        assertThat(inDefault).isNotEqualTo(inBravo);
        assertThat(tenantClaim(atAlpha.text("access_token"))).isEqualTo(TenantContext.DEFAULT.toString());
        assertThat(UUID.fromString(tokens("bravo", person).text("user_id"))).as("bravo again").isEqualTo(inBravo);
        assertThat(UUID.fromString(tokens("alpha", person).text("user_id"))).as("alpha again").isEqualTo(inDefault);
        for (UUID tenant : new UUID[] {bravo, TenantContext.DEFAULT}) {
            assertThat(TenantContext.callAs(tenant, () -> jdbc.sql(
                    "select count(*) from identity.provider_links where issuer = ? and subject = ?")
                    .params(PROVIDER.issuer(), person.subject()).query(Long.class).single()))
                    .as("the identity's link in tenant %s", tenant).isOne();
        }
    }

    @Test
    void shouldNeverLinkAnAccountOfAnotherTenant() throws Exception {
        UUID bravo = bravoTenant();
        Account customer = customer();
        String verification = Mailbox.token(Mailbox.await(customer.email(), 1).get(0));
        assertThat(api.post("/auth/verify-email", null, Map.of("token", verification)).status()).isEqualTo(204);

        UUID signedIn = UUID.fromString(tokens("bravo", person(customer.email())).text("user_id"));

        assertThat(signedIn).as("a new account in bravo's tenant, not the default tenant's").isNotEqualTo(customer.id());
        assertThat(TenantContext.callAs(bravo, () -> jdbc.sql("select count(*) from identity.users where id = ?")
                .param(signedIn).query(Long.class).single())).isOne();
        assertThat(login(customer.email(), PASSWORD).id()).as("the default tenant's account, untouched")
                .isEqualTo(customer.id());
        assertThat(TenantContext.callAs(TenantContext.DEFAULT, () -> jdbc.sql(
                "select count(*) from identity.provider_links where user_id = ?").param(customer.id())
                .query(Long.class).single())).as("no link to the default tenant's account").isZero();
    }

    @Test
    void shouldRefuseAnUnverifiedEmailWithoutOpeningAnAccountInTheTenant() throws Exception {
        UUID bravo = bravoTenant();
        String email = Api.uniqueEmail("oidc.bravo.unverified");

        HttpResponse<String> refused = browser("bravo").callback(new Person(UUID.randomUUID().toString(), email,
                false, null), "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("has not verified the email address");
        assertThat(TenantContext.callAs(bravo, () -> jdbc.sql("select count(*) from identity.users where email = ?")
                .param(email).query(Long.class).single())).isZero();
    }

    @Test
    void shouldRefuseAProviderWhoseTenantDoesNotExist() throws Exception {
        Api.Response refused = OidcBrowser.asApi(browser("charlie").get("/auth/oidc/charlie"));

        assertProblem(refused, 404);
        assertThat(refused.text("detail")).contains("'charlie'", "'" + MISSING_SLUG + "'", "waybill.oidc.tenants.charlie");
        assertThat(PROVIDER.authorizations()).as("nobody was sent to the provider for it")
                .noneMatch(sent -> sent.parameters().getOrDefault("redirect_uri", "").endsWith("/charlie"));
    }

    @Test
    void shouldShowEachTenantsSignInPageOnlyItsProvidersButtons() throws Exception {
        bravoTenant();
        OidcBrowser browser = browser("bravo");

        String ofDefault = browser.get("/signin").body();
        String ofBravo = browser.get("/signin?tenant=" + BRAVO_SLUG).body();

        assertThat(ofDefault).contains("href=\"/auth/oidc/alpha?for=web\"").doesNotContain("/auth/oidc/bravo")
                .doesNotContain("/auth/oidc/charlie");
        assertThat(ofBravo).contains("href=\"/auth/oidc/bravo?for=web\"", "Sign in with Bravo ID")
                .doesNotContain("/auth/oidc/alpha").doesNotContain("/auth/oidc/charlie")
                .contains("value=\"" + BRAVO_SLUG + "\"");
    }

    @Test
    void shouldSignThePagesInToTheRegistrationsTenantShowingOnlyItsShipments() throws Exception {
        bravoTenant();
        Person person = person(Api.uniqueEmail("oidc.pages.bravo"));
        Api.Response inBravo = tokens("bravo", person);
        Api.Response inDefault = tokens("alpha", person);
        String bravoShipment = book(account(inBravo, person)).text("tracking_number");
        String defaultShipment = book(account(inDefault, person)).text("tracking_number");

        OidcBrowser browser = browser("bravo");
        HttpResponse<String> callback = browser.callback(person, "?for=web");
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/signin/provider");
        HttpResponse<String> finished = browser.get("/signin/provider");
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(302);
        HttpResponse<String> portal = browser.get("/portal");

        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains(bravoShipment).doesNotContain(defaultShipment);
    }

    @Test
    void shouldShowARefusedPagesSignInAgainAsItsProvidersTenantsOnTheWayToTheSamePage() throws Exception {
        bravoTenant();
        String asked = "/portal/shipments/" + UUID.randomUUID();
        OidcBrowser browser = browser("bravo");
        HttpResponse<String> callback = browser.callback(new Person(UUID.randomUUID().toString(),
                Api.uniqueEmail("oidc.bravo.refused"), false, null), "?for=web&continue=" + asked);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/signin/provider");

        HttpResponse<String> refused = browser.get("/signin/provider");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("has not verified the email address")
                .contains("href=\"/auth/oidc/bravo?for=web&amp;continue=" + asked + "\"", "Sign in with Bravo ID")
                .doesNotContain("/auth/oidc/alpha").doesNotContain("/auth/oidc/charlie")
                .contains("value=\"" + BRAVO_SLUG + "\"")
                .contains("name=\"continue\" value=\"" + asked + "\"")
                .contains("href=\"/register?tenant=" + BRAVO_SLUG + "\"");
        HttpResponse<String> again = browser.get("/signin/provider");
        assertThat(again.body()).as("what the refusal left is used once").contains("/auth/oidc/alpha")
                .doesNotContain("/auth/oidc/bravo").doesNotContain("name=\"continue\"");
    }

    @Test
    void shouldGoOnToThePageAskedForAfterAProviderSignInOfThePages() throws Exception {
        bravoTenant();
        Person person = person(Api.uniqueEmail("oidc.pages.continue"));
        Api.Response inBravo = tokens("bravo", person);
        String shipment = book(account(inBravo, person)).text("id");
        OidcBrowser browser = browser("bravo");
        String signInPage = browser.get("/signin?tenant=" + BRAVO_SLUG + "&continue=/portal/shipments/" + shipment)
                .body();
        assertThat(signInPage).contains("href=\"/auth/oidc/bravo?for=web&amp;continue=/portal/shipments/" + shipment
                + "\"");

        browser.callback(person, "?for=web&continue=/portal/shipments/" + shipment);
        HttpResponse<String> finished = browser.get("/signin/provider");

        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(302);
        assertThat(finished.headers().firstValue("Location").orElseThrow()).endsWith("/portal/shipments/" + shipment);
        assertThat(browser.get("/portal/shipments/" + shipment).statusCode()).isEqualTo(200);
    }

    /** Signs the person in through this registration, as an app would, and trades the code for tokens. */
    private Api.Response tokens(String registration, Person person) throws Exception {
        String code = browser(registration).signInForCode(person, "");
        Api.Response tokens = api.post("/auth/oidc/token", null, Map.of("code", code));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens;
    }

    private UUID bravoTenant() {
        if (bravoTenant == null) {
            synchronized (ProviderSignInTenantsIT.class) {
                if (bravoTenant == null) {
                    bravoTenant = newTenant(BRAVO_SLUG).tenantId();
                }
            }
        }
        return bravoTenant;
    }

    private OidcBrowser browser(String registration) {
        return new OidcBrowser(port(), PROVIDER, registration);
    }

    private static Account account(Api.Response tokens, Person person) {
        return new Account(UUID.fromString(tokens.text("user_id")), person.email(), tokens.text("access_token"),
                tokens.text("refresh_token"));
    }

    private static Person person(String email) {
        return new Person(UUID.randomUUID().toString(), email.toLowerCase(), true, "Bhavna From The Provider");
    }
}
