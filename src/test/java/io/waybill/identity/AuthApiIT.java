package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthApiIT extends ApiTest {

    @Test
    void shouldRegisterACustomerWithoutExposingThePassword() {
        String email = Api.uniqueEmail("New.Customer");
        Api.Response response = api.post("/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "full_name", "Asha Rao", "phone", "+919840000000"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).startsWith("/admin/users/");
        assertThat(response.text("email")).isEqualTo(email.toLowerCase());
        assertThat(response.text("role")).isEqualTo("customer");
        assertThat(response.text("full_name")).isEqualTo("Asha Rao");
        assertThat(response.text("id")).isNotBlank();
        assertThat(response.text("created_at")).endsWith("Z");
        assertThat(response.raw()).doesNotContain("password").doesNotContain(PASSWORD);
    }

    @Test
    void shouldRefuseAMultiLineFullNameSoThatNoMailCarriesLinesOfTheWritersOwn() {
        for (String name : new String[] {"Asha\r\nURGENT: pay at https://evil.example", "Asha\nRao", "Asha\tRao",
                "Asha\u0000Rao", "Asha\u007fRao", "Asha\u2028Rao"}) {
            Api.Response response = api.post("/auth/register", null,
                    Map.of("email", Api.uniqueEmail("multi"), "password", PASSWORD, "full_name", name));

            assertProblem(response, 422);
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("full_name");
        }
    }

    @Test
    void shouldRefuseAPhoneThatIsNotE164() {
        for (String phone : new String[] {"+91 98400 00000", "9840000000", "+0123456789", "+1234567",
                "+1234567890123456", "+91984000000\r\nINFO forged log line", "call me"}) {
            Api.Response response = api.post("/auth/register", null,
                    Map.of("email", Api.uniqueEmail("phone"), "password", PASSWORD, "phone", phone));

            assertProblem(response, 422);
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("phone");
        }
        assertThat(api.post("/auth/register", null, Map.of("email", Api.uniqueEmail("phone"), "password", PASSWORD,
                "phone", "+12345678")).status()).isEqualTo(201);
    }

    @Test
    void shouldRefuseADuplicateEmailWhateverItsCase() {
        String email = Api.uniqueEmail("dup");
        assertThat(api.post("/auth/register", null, Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(201);

        Api.Response again = api.post("/auth/register", null, Map.of("email", email.toUpperCase(), "password", PASSWORD));

        assertProblem(again, 409);
    }

    @Test
    void shouldRefuseABadEmailOrAShortPasswordWithTheField() {
        Api.Response badEmail = api.post("/auth/register", null, Map.of("email", "not-an-email", "password", PASSWORD));
        assertProblem(badEmail, 422);
        assertThat(badEmail.body().get("errors").get(0).get("field").asString()).isEqualTo("email");

        Api.Response shortPassword = api.post("/auth/register", null,
                Map.of("email", Api.uniqueEmail("short"), "password", "1234567"));
        assertProblem(shortPassword, 422);
        assertThat(shortPassword.body().get("errors").get(0).get("field").asString()).isEqualTo("password");

        assertProblem(api.post("/auth/register", null, Map.of("password", PASSWORD)), 422);
        assertProblem(api.post("/auth/register", null,
                Map.of("email", Api.uniqueEmail("role"), "password", PASSWORD, "role", "superuser")), 422);
    }

    @Test
    void shouldLetOnlyAnAdminCreateStaffAccounts() {
        Map<String, String> agent = Map.of("email", Api.uniqueEmail("agent"), "password", PASSWORD, "role", "agent");
        assertProblem(api.post("/auth/register", null, agent), 403);
        assertProblem(api.post("/auth/register", customer().token(), agent), 403);
        assertProblem(api.post("/auth/register", customer().token(),
                Map.of("email", Api.uniqueEmail("admin"), "password", PASSWORD, "role", "admin")), 403);

        Api.Response created = api.post("/auth/register", admin().token(), agent);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("role")).isEqualTo("agent");
    }

    @Test
    void shouldLogInWithJsonOrWithTheOAuth2PasswordForm() {
        Account customer = customer();

        Api.Response json = api.post("/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text("token_type")).isEqualTo("bearer");
        assertThat(json.text("role")).isEqualTo("customer");
        assertThat(json.text("user_id")).isEqualTo(customer.id().toString());
        assertThat(json.body().get("expires_in").asInt()).isEqualTo(900);
        assertThat(json.text("refresh_token")).isNotBlank();

        Api.Response form = api.send("POST", "/auth/login", null, "application/x-www-form-urlencoded",
                "grant_type=password&username=" + customer.email().toUpperCase() + "&password=" + PASSWORD);
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(api.get("/auth/me", form.text("access_token")).text("email")).isEqualTo(customer.email());
    }

    @Test
    void shouldAnswerUnknownEmailAndWrongPasswordAlike() {
        Account customer = customer();

        Api.Response wrongPassword = api.post("/auth/login", null,
                Map.of("email", customer.email(), "password", "wrong-password"));
        Api.Response unknownEmail = api.post("/auth/login", null,
                Map.of("email", Api.uniqueEmail("nobody"), "password", PASSWORD));

        assertProblem(wrongPassword, 401);
        assertProblem(unknownEmail, 401);
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
    }

    @Test
    void shouldShowTheCallerTheirOwnAccount() {
        Account customer = customer();

        Api.Response me = api.get("/auth/me", customer.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(customer.id().toString());
        assertProblem(api.get("/auth/me", null), 401);
        assertThat(api.get("/auth/me", null).header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void shouldRefuseATamperedOrForeignToken() {
        Account customer = customer();
        String[] parts = customer.token().split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + customer.id() + "\",\"role\":\"admin\",\"iss\":\"waybill\",\"exp\":4102444800}")
                        .getBytes());

        assertProblem(api.get("/auth/me", parts[0] + "." + otherPayload + "." + parts[2]), 401);
        assertProblem(api.get("/auth/me", "not.a.token"), 401);
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + otherPayload + ".";
        assertProblem(api.get("/admin/users", unsigned), 401);
    }

    @Test
    void shouldRotateRefreshTokensAndRevokeTheFamilyOnReuse() {
        Account customer = customer();

        Api.Response first = api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        String second = first.text("refresh_token");
        assertThat(second).isNotEqualTo(customer.refreshToken());
        assertThat(api.get("/auth/me", first.text("access_token")).status()).isEqualTo(200);

        // The old token was used once: presenting it again is a replay, and it revokes the family.
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", second)), 401);
    }

    @Test
    void shouldRefuseAnUnknownRefreshToken() {
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", "made-up")), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of()), 422);
    }

    @Test
    void shouldStopARefreshTokenAtLogout() {
        Account customer = customer();

        assertProblem(api.post("/auth/logout", null, Map.of("refresh_token", customer.refreshToken())), 401);
        Api.Response logout = api.post("/auth/logout", customer.token(), Map.of("refresh_token", customer.refreshToken()));

        assertThat(logout.status()).isEqualTo(204);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
    }

    @Test
    void shouldNotLetOneUserLogOutAnothersToken() {
        Account victim = customer();
        Account other = customer();

        assertThat(api.post("/auth/logout", other.token(), Map.of("refresh_token", victim.refreshToken())).status())
                .isEqualTo(204);

        assertThat(api.post("/auth/refresh", null, Map.of("refresh_token", victim.refreshToken())).status())
                .isEqualTo(200);
    }
}
