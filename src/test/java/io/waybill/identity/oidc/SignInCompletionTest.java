package io.waybill.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class SignInCompletionTest {

    @Test
    void shouldTakeTheStandardClaimOrMicrosoftsDomainVerificationAsAVerifiedAddress() {
        assertThat(SignInCompletion.emailVerified(user(Map.of("email_verified", true)))).isTrue();
        assertThat(SignInCompletion.emailVerified(user(Map.of("email_verified", "true")))).isTrue();
        assertThat(SignInCompletion.emailVerified(user(Map.of("xms_edov", true)))).isTrue();
        assertThat(SignInCompletion.emailVerified(user(Map.of("email_verified", false)))).isFalse();
        assertThat(SignInCompletion.emailVerified(user(Map.of("xms_edov", false)))).isFalse();
        assertThat(SignInCompletion.emailVerified(user(Map.of()))).isFalse();
    }

    private static OidcUser user(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "someone");
        all.put("iss", "https://issuer.example");
        all.put("email", "someone@example.com");
        Instant now = Instant.now();
        return new DefaultOidcUser(List.of(), new OidcIdToken("token", now, now.plusSeconds(60), all));
    }
}
