package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logging out everywhere and resetting the password end every session at once, access tokens included. */
class TokenRevocationApiIT extends ApiTest {

    @Test
    void shouldRefuseEveryEarlierTokenAfterLogoutEverywhere() {
        Account phone = customer();
        Account laptop = login(phone.email(), PASSWORD);
        assertThat(api.get("/auth/me", laptop.token()).status()).isEqualTo(200);

        Api.Response loggedOut = api.post("/auth/logout-all", phone.token(), null);

        assertThat(loggedOut.status()).as(loggedOut.toString()).isEqualTo(204);
        assertProblem(api.get("/auth/me", phone.token()), 401);
        assertProblem(api.get("/auth/me", laptop.token()), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", laptop.refreshToken())), 401);
        // A login right after, in the same second, works: only tokens issued before the logout are refused.
        Account again = login(phone.email(), PASSWORD);
        assertThat(api.get("/auth/me", again.token()).status()).isEqualTo(200);
        assertThat(api.post("/auth/refresh", null, Map.of("refresh_token", again.refreshToken())).status())
                .isEqualTo(200);
        // Other modules (and other services) learn of it from the account's whole state in a user.updated event.
        assertThat(userUpdates(phone)).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"role\": \"customer\"", "\"email\": \"" + phone.email() + "\"", "\"tokens_revoked_at\": \"2"));
    }

    @Test
    void shouldRefuseEarlierAccessTokensAfterAPasswordReset() {
        Account customer = customer();
        Account stolen = login(customer.email(), PASSWORD);
        assertThat(api.post("/auth/request-password-reset", null, Map.of("email", customer.email())).status())
                .isEqualTo(202);
        String token = Mailbox.tokenIn(customer.email(), 2);

        assertThat(api.post("/auth/reset-password", null, Map.of("token", token, "new_password", "a-new-password-7"))
                .status()).isEqualTo(204);

        assertProblem(api.get("/auth/me", stolen.token()), 401);
        assertProblem(api.get("/auth/me", customer.token()), 401);
        Account owner = login(customer.email(), "a-new-password-7");
        assertThat(api.get("/auth/me", owner.token()).status()).isEqualTo(200);
        assertThat(userUpdates(customer)).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"tokens_revoked_at\": \"2"));
    }

    @Test
    void shouldAnnounceANewAccountWithItsContactDetails() {
        Account customer = customer();

        String payload = database().sql("select envelope -> 'payload' from eventing.outbox where topic = 'user.created' "
                + "and event_key = ?").param(customer.id().toString()).query(String.class).single();

        assertThat(payload).contains("\"email\": \"" + customer.email() + "\"", "\"role\": \"customer\"",
                "\"full_name\"", "\"phone\"");
    }

    private List<String> userUpdates(Account account) {
        return database().sql("select envelope -> 'payload' from eventing.outbox where topic = 'user.updated' "
                + "and event_key = ?").param(account.id().toString()).query(String.class).list();
    }
}
