package io.waybill.security;

import io.waybill.kernel.Role;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActiveAccountTest {

    private static final Instant REVOKED = Instant.parse("2025-03-01T08:00:00.734Z");
    private final AccountLookup.ActiveAccount account = new AccountLookup.ActiveAccount(Role.CUSTOMER, REVOKED);

    @Test
    void shouldAcceptEveryTokenWhenNothingWasRevoked() {
        AccountLookup.ActiveAccount never = new AccountLookup.ActiveAccount(Role.CUSTOMER, null);

        assertThat(never.acceptsTokenIssuedAt(Instant.EPOCH)).isTrue();
        assertThat(never.tokenIssueTime(REVOKED)).isEqualTo(REVOKED);
    }

    @Test
    void shouldRefuseATokenIssuedBeforeTheRevocationEvenInTheSameSecond() {
        // A JWT's iat has whole seconds: a token issued at 08:00:00.500 says 08:00:00.
        assertThat(account.acceptsTokenIssuedAt(Instant.parse("2025-03-01T07:59:59Z"))).isFalse();
        assertThat(account.acceptsTokenIssuedAt(Instant.parse("2025-03-01T08:00:00Z"))).isFalse();
        assertThat(account.acceptsTokenIssuedAt(null)).isFalse();
    }

    @Test
    void shouldIssueATokenRightAfterTheRevocationWithTheNextSecondSoThatItCounts() {
        Instant justAfter = Instant.parse("2025-03-01T08:00:00.901Z");

        Instant issued = account.tokenIssueTime(justAfter);

        assertThat(issued).isEqualTo(Instant.parse("2025-03-01T08:00:01Z"));
        assertThat(account.acceptsTokenIssuedAt(issued)).isTrue();
        assertThat(account.tokenIssueTime(Instant.parse("2025-03-01T08:00:05.2Z")))
                .isEqualTo(Instant.parse("2025-03-01T08:00:05.2Z"));
    }
}
