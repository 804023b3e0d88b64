package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.kernel.TenantContext;
import io.waybill.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Platform operators open tenants with their first admins (POST /platform/tenants); people register
 * and sign in within a tenant named by its slug, and a tenant's people see nothing of another's.
 */
class PlatformTenantsApiIT extends ApiTest {

    @Test
    void shouldOpenATenantWhoseAdminSignsInWithItsSlug() {
        String operator = platformOperator().token();
        String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String email = Api.uniqueEmail("acme-admin");

        Api.Response opened = api.post("/platform/tenants", operator, Map.of("slug", slug, "display_name",
                "Acme Couriers", "admin_email", email, "admin_password", PASSWORD));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.text("id");
        assertThat(opened.header("Location")).endsWith("/platform/tenants/" + id);
        assertThat(opened.text("slug")).isEqualTo(slug);
        assertThat(opened.text("display_name")).isEqualTo("Acme Couriers");
        assertThat(opened.body().get("admin").get("role").asString()).isEqualTo("admin");
        assertThat(opened.body().get("admin").get("email").asString()).isEqualTo(email);

        Account admin = loginTo(slug, email, PASSWORD);
        assertThat(tenantClaim(admin.token())).isEqualTo(id);
        assertThat(api.get("/auth/me", admin.token()).text("role")).isEqualTo("admin");
        // The address is that tenant's: the default tenant has no such account.
        assertProblem(api.post("/auth/login", null, Map.of("email", email, "password", PASSWORD)), 401);

        assertThat(api.get("/platform/tenants/" + id, operator).text("display_name")).isEqualTo("Acme Couriers");
        Api.Response list = api.get("/platform/tenants?size=100", operator);
        assertThat(list.body().get("items").valueStream().map(tenant -> tenant.get("slug").asString()))
                .contains("default", slug);
    }

    @Test
    void shouldRefuseATakenSlugAndBadFields() {
        String operator = platformOperator().token();
        TenantAdmin existing = newTenant();

        assertProblem(api.post("/platform/tenants", operator, Map.of("slug", existing.slug(), "display_name", "Again",
                "admin_email", Api.uniqueEmail("again"), "admin_password", PASSWORD)), 409);
        Api.Response badSlug = api.post("/platform/tenants", operator, Map.of("slug", "Not a slug!",
                "display_name", "Bad", "admin_email", Api.uniqueEmail("bad"), "admin_password", PASSWORD));
        assertProblem(badSlug, 422);
        assertThat(badSlug.raw()).contains("slug");
        Api.Response badEmail = api.post("/platform/tenants", operator, Map.of("slug", "fine-" + UUID.randomUUID()
                .toString().substring(0, 8), "display_name", "Bad", "admin_email", "nobody", "admin_password",
                PASSWORD));
        assertProblem(badEmail, 422);
        assertThat(badEmail.raw()).contains("admin_email");
        assertProblem(api.post("/platform/tenants", operator, Map.of("slug", "fine-" + UUID.randomUUID().toString()
                .substring(0, 8), "display_name", "Bad", "admin_email", Api.uniqueEmail("short"), "admin_password",
                "short")), 422);
        assertProblem(api.get("/platform/tenants/" + UUID.randomUUID(), operator), 404);
    }

    @Test
    void shouldLetOnlyPlatformOperatorsManageTenants() {
        TenantAdmin other = newTenant();
        Map<String, Object> body = Map.of("slug", "no-" + UUID.randomUUID().toString().substring(0, 8),
                "display_name", "No", "admin_email", Api.uniqueEmail("no"), "admin_password", PASSWORD);
        for (String token : new String[] {admin().token(), other.admin().token(), customer().token(), agent().token()}) {
            assertProblem(api.post("/platform/tenants", token, body), 403);
            assertProblem(api.get("/platform/tenants", token), 403);
            assertProblem(api.get("/platform/tenants/" + other.tenantId(), token), 403);
        }
        assertProblem(api.get("/platform/tenants", null), 401);
    }

    @Test
    void shouldKeepAPlatformOperatorOutOfEveryTenantsData() {
        Account operator = platformOperator();
        assertThat(api.get("/auth/me", operator.token()).text("role")).isEqualTo("platform");
        for (String path : new String[] {"/shipments", "/admin/users", "/admin/hubs", "/admin/reports", "/tickets",
                "/webhooks", "/me/api-keys"}) {
            assertProblem(api.get(path, operator.token()), 403);
        }
        assertProblem(api.post("/shipments", operator.token(), Map.of("source_address", "Chennai",
                "destination_address", "Bangalore")), 403);

        // Its account is the default tenant's, but none of that tenant's admins' to list or delete.
        Api.Response users = api.get("/admin/users?size=100&role=admin", admin().token());
        assertThat(users.raw()).doesNotContain(PLATFORM_OPERATOR_EMAIL);
        assertProblem(api.get("/admin/users?role=platform", admin().token()), 400);
        assertProblem(api.delete("/admin/users/" + operator.id(), admin().token()), 404);
        // Nor can anyone ask for the role.
        assertProblem(api.post("/auth/register", admin().token(), Map.of("email", Api.uniqueEmail("op"),
                "password", PASSWORD, "role", "platform")), 422);
    }

    @Test
    void shouldRegisterTheSameAddressInTwoTenantsAsTwoAccounts() {
        TenantAdmin acme = newTenant();
        String email = Api.uniqueEmail("twice");
        Map<String, Object> account = Map.of("email", email, "password", PASSWORD);

        assertThat(api.post("/auth/register", null, account).status()).isEqualTo(201);
        Api.Response inAcme = api.post("/auth/register", null, Map.of("email", email, "password", PASSWORD,
                "tenant", acme.slug()));
        assertThat(inAcme.status()).as(inAcme.toString()).isEqualTo(201);
        assertProblem(api.post("/auth/register", null, Map.of("email", email, "password", PASSWORD,
                "tenant", acme.slug())), 409);

        Account here = login(email, PASSWORD);
        Account there = loginTo(acme.slug(), email, PASSWORD);
        assertThat(here.id()).isNotEqualTo(there.id());
        assertThat(tenantClaim(there.token())).isEqualTo(acme.tenantId().toString());
        assertThat(tenantClaim(here.token())).isEqualTo(TenantContext.DEFAULT.toString());

        Api.Response unknown = api.post("/auth/register", null, Map.of("email", Api.uniqueEmail("lost"),
                "password", PASSWORD, "tenant", "no-such-tenant-" + UUID.randomUUID().toString().substring(0, 8)));
        assertProblem(unknown, 422);
        assertThat(unknown.raw()).contains("tenant");
        assertProblem(api.post("/auth/login", null, Map.of("email", email, "password", PASSWORD,
                "tenant", "no-such-tenant")), 422);
        // An admin registers staff in its own tenant only.
        assertProblem(api.post("/auth/register", acme.admin().token(), Map.of("email", Api.uniqueEmail("staff"),
                "password", PASSWORD, "role", "agent", "tenant", "default")), 422);
    }

    @Test
    void shouldRefuseASignInToATenantThatDoesNotExistNamingTheFieldWhateverTheEmail() {
        String nowhere = "no-such-" + UUID.randomUUID().toString().substring(0, 8);
        Account known = customer();
        Api.Response knownEmail = api.post("/auth/login", null, Map.of("email", known.email(), "password", PASSWORD,
                "tenant", nowhere));
        Api.Response unknownEmail = api.post("/auth/login", null, Map.of("email", Api.uniqueEmail("nobody"),
                "password", PASSWORD, "tenant", nowhere));

        assertProblem(knownEmail, 422);
        assertThat(knownEmail.body().get("errors").get(0).get("field").asString()).isEqualTo("tenant");
        assertThat(knownEmail.body().get("errors").get(0).get("message").asString())
                .isEqualTo("is not a tenant of this platform");
        assertProblem(unknownEmail, 422);
        assertThat(unknownEmail.body().get("errors")).as("the answer says nothing of the email").isEqualTo(knownEmail.body().get("errors"));
        assertThat(unknownEmail.body().get("detail")).isEqualTo(knownEmail.body().get("detail"));
        Api.Response form = api.send("POST", "/auth/login", null, "application/x-www-form-urlencoded",
                "username=" + known.email() + "&password=" + PASSWORD + "&tenant=" + nowhere);
        assertProblem(form, 422);
        assertThat(form.raw()).contains("tenant");
        Api.Response reset = api.post("/auth/request-password-reset", null, Map.of("email", known.email(),
                "tenant", nowhere));
        assertProblem(reset, 422);
        assertThat(reset.body().get("errors").get(0).get("field").asString()).isEqualTo("tenant");
        assertProblem(api.post("/auth/login", null, Map.of("email", known.email(), "password", PASSWORD,
                "tenant", "Not A Slug!")), 422);
        // A wrong password in a tenant that exists is still the plain 401.
        assertProblem(api.post("/auth/login", null, Map.of("email", known.email(), "password", "wrong-password",
                "tenant", "default")), 401);
        assertThat(api.post("/auth/login", null, Map.of("email", known.email(), "password", PASSWORD,
                "tenant", "default")).status()).isEqualTo(200);
    }

    @Test
    void shouldShowATenantsPeopleNothingOfAnothers() {
        TenantAdmin acme = newTenant();
        Account acmeCustomer = registerIn(acme.slug(), "customer", null);
        Account acmeAgent = registerIn(acme.slug(), "agent", acme.admin().token());
        Account customer = customer();
        String shipment = book(customer).text("id");

        for (Account stranger : new Account[] {acme.admin(), acmeCustomer, acmeAgent}) {
            assertProblem(api.get("/shipments/" + shipment, stranger.token()), 404);
            assertThat(api.get("/shipments", stranger.token()).raw()).doesNotContain(shipment);
        }
        assertThat(api.get("/admin/users?size=100", acme.admin().token()).raw()).doesNotContain(customer.email())
                .contains(acmeCustomer.email());
        String acmeShipment = book(acmeCustomer).text("id");
        assertProblem(api.get("/shipments/" + acmeShipment, admin().token()), 404);
        assertThat(api.get("/shipments/" + acmeShipment, acme.admin().token()).status()).isEqualTo(200);
    }
}
