package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Email verification and password reset, end to end: the mail really goes over SMTP (GreenMail). */
class AccountRecoveryApiIT extends ApiTest {

    private static final String NEW_PASSWORD = "a-brand-new-password";

    @Test
    void shouldSendAVerificationEmailOnRegistrationAndVerifyWithItsToken() throws Exception {
        Account customer = customer();
        MimeMessage mail = Mailbox.await(customer.email(), 1).get(0);
        assertThat(mail.getSubject()).contains("Confirm your email");
        assertThat(api.get("/auth/me", customer.token()).body().get("email_verified").asBoolean()).isFalse();

        Api.Response verified = api.post("/auth/verify-email", null, Map.of("token", Mailbox.token(mail)));

        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        assertThat(api.get("/auth/me", customer.token()).body().get("email_verified").asBoolean()).isTrue();
        assertThat(database().sql("select count(*) from identity.account_tokens where token_hash = ?")
                .param(OneTimeSecret.hash(Mailbox.token(mail))).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheRegistrantsNameOutOfMailToAnAddressNotYetVerified() {
        String email = Api.uniqueEmail("stranger");
        String name = "Asha. URGENT: your parcel is held, pay at https://evil.example";
        assertThat(api.post("/auth/register", null, Map.of("email", email, "password", PASSWORD, "full_name", name))
                .status()).isEqualTo(201);
        assertThat(api.post("/auth/request-password-reset", null, Map.of("email", email)).status()).isEqualTo(202);

        for (MimeMessage mail : Mailbox.await(email, 2)) {
            assertThat(Mailbox.body(mail)).doesNotContain("evil.example").startsWith("Hello,");
        }

        // The two mails may arrive in either order: the verification mail is the one that says so.
        MimeMessage verification = Mailbox.await(email, 2).stream().filter(AccountRecoveryApiIT::asksToConfirm)
                .findFirst().orElseThrow();
        assertThat(api.post("/auth/verify-email", null, Map.of("token", Mailbox.token(verification))).status())
                .isEqualTo(204);
        assertThat(api.post("/auth/request-password-reset", null, Map.of("email", email)).status()).isEqualTo(202);
        assertThat(Mailbox.body(Mailbox.await(email, 3).get(2))).startsWith("Hello " + name + ",");
    }

    @Test
    void shouldRefuseAVerificationTokenUsedTwiceOrMadeUp() {
        Account customer = customer();
        String token = Mailbox.tokenIn(customer.email(), 1);
        assertThat(api.post("/auth/verify-email", null, Map.of("token", token)).status()).isEqualTo(204);

        Api.Response again = api.post("/auth/verify-email", null, Map.of("token", token));

        assertProblem(again, 422);
        assertThat(again.body().get("errors").get(0).get("field").asString()).isEqualTo("token");
        assertProblem(api.post("/auth/verify-email", null, Map.of("token", "made-up")), 422);
        assertProblem(api.post("/auth/verify-email", null, Map.of()), 422);
    }

    @Test
    void shouldRefuseAnExpiredVerificationToken() {
        Account customer = customer();
        String token = Mailbox.tokenIn(customer.email(), 1);
        expireTokensOf(customer);

        assertProblem(api.post("/auth/verify-email", null, Map.of("token", token)), 422);
        assertThat(api.get("/auth/me", customer.token()).body().get("email_verified").asBoolean()).isFalse();
    }

    @Test
    void shouldSendANewVerificationEmailOnRequestAndRetireTheOldToken() {
        Account customer = customer();
        String first = Mailbox.tokenIn(customer.email(), 1);

        assertThat(api.post("/auth/request-verification", customer.token(), null).status()).isEqualTo(202);
        String second = Mailbox.tokenIn(customer.email(), 2);

        assertThat(second).isNotEqualTo(first);
        assertProblem(api.post("/auth/verify-email", null, Map.of("token", first)), 422);
        assertThat(api.post("/auth/verify-email", null, Map.of("token", second)).status()).isEqualTo(204);
        assertProblem(api.post("/auth/request-verification", customer.token(), null), 409);
        assertProblem(api.post("/auth/request-verification", null, null), 401);
    }

    @Test
    void shouldResetThePasswordWithTheEmailedTokenAndLogEverySessionOut() {
        Account customer = customer();
        Account otherSession = login(customer.email(), PASSWORD);

        assertThat(api.post("/auth/request-password-reset", null, Map.of("email", customer.email().toUpperCase()))
                .status()).isEqualTo(202);
        MimeMessage mail = Mailbox.await(customer.email(), 2).get(1);
        Api.Response reset = api.post("/auth/reset-password", null,
                Map.of("token", Mailbox.token(mail), "new_password", NEW_PASSWORD));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertProblem(api.post("/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD)), 401);
        Account renewed = login(customer.email(), NEW_PASSWORD);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", customer.refreshToken())), 401);
        assertProblem(api.post("/auth/refresh", null, Map.of("refresh_token", otherSession.refreshToken())), 401);
        assertProblem(api.get("/auth/me", customer.token()), 401);
        // The reset proved the address too.
        assertThat(api.get("/auth/me", renewed.token()).body().get("email_verified").asBoolean()).isTrue();
    }

    @Test
    void shouldAnswerAResetRequestAlikeWhetherOrNotTheAccountExists() {
        String nobody = Api.uniqueEmail("nobody");

        Api.Response unknown = api.post("/auth/request-password-reset", null, Map.of("email", nobody));
        Api.Response known = api.post("/auth/request-password-reset", null, Map.of("email", customer().email()));

        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.raw()).isEqualTo(known.raw());
        assertThat(Mailbox.to(nobody)).isEmpty();
    }

    @Test
    void shouldRefuseAResetTokenUsedTwiceExpiredOrWithAShortPassword() {
        Account customer = customer();
        api.post("/auth/request-password-reset", null, Map.of("email", customer.email()));
        String token = Mailbox.tokenIn(customer.email(), 2);

        Api.Response tooShort = api.post("/auth/reset-password", null, Map.of("token", token, "new_password", "short"));
        assertProblem(tooShort, 422);
        assertThat(tooShort.body().get("errors").get(0).get("field").asString()).isEqualTo("new_password");
        // A refused password does not use the token up.
        assertThat(api.post("/auth/reset-password", null, Map.of("token", token, "new_password", NEW_PASSWORD))
                .status()).isEqualTo(204);
        assertProblem(api.post("/auth/reset-password", null, Map.of("token", token, "new_password", NEW_PASSWORD)),
                422);

        api.post("/auth/request-password-reset", null, Map.of("email", customer.email()));
        String expiring = Mailbox.tokenIn(customer.email(), 3);
        expireTokensOf(customer);
        assertProblem(api.post("/auth/reset-password", null, Map.of("token", expiring, "new_password", "another-one-1")),
                422);
        assertThat(login(customer.email(), NEW_PASSWORD).token()).isNotBlank();
    }

    @Test
    void shouldNotAcceptAVerificationTokenAsAResetToken() {
        Account customer = customer();
        String verification = Mailbox.tokenIn(customer.email(), 1);

        assertProblem(api.post("/auth/reset-password", null,
                Map.of("token", verification, "new_password", NEW_PASSWORD)), 422);
    }

    @Test
    void shouldEraseTheMailBodyOnceSent() throws InterruptedException {
        Account customer = customer();
        Mailbox.await(customer.email(), 1);

        // The relay marks the message sent just after the SMTP server took it.
        long deadline = System.currentTimeMillis() + 10_000;
        String body = null;
        while (body == null && System.currentTimeMillis() < deadline) {
            body = database().sql("select body from mail.outbox where recipient = ? and sent_at is not null")
                    .param(customer.email()).query(String.class).optional().orElse(null);
            Thread.sleep(50);
        }

        assertThat(body).isEmpty();
    }

    private void expireTokensOf(Account account) {
        database().sql("update identity.account_tokens set expires_at = now() - interval '1 minute' where user_id = ?")
                .param(account.id()).update();
    }

    private static boolean asksToConfirm(MimeMessage mail) {
        try {
            return mail.getSubject().startsWith("Confirm your email address");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
