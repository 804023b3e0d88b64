package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ApiKey.Bounds BOUNDS = new ApiKey.Bounds(Duration.ofDays(730), 6000);
    private static final UUID OWNER = UUID.randomUUID();

    @Test
    void shouldGiveAKeyEveryScopeOfItsOwnersRoleWhenNoneAreAskedFor() {
        assertThat(issue(Role.CUSTOMER, null, null, null).scopes())
                .containsExactlyInAnyOrder(ApiScope.TRACKING_READ, ApiScope.SHIPMENTS_WRITE);
        assertThat(issue(Role.AGENT, null, null, null).scopes())
                .containsExactlyInAnyOrder(ApiScope.TRACKING_READ, ApiScope.SCANS_WRITE);
    }

    @Test
    void shouldKeepTheTermsAskedForWithinTheBounds() {
        ApiKey key = issue(Role.CUSTOMER, List.of("tracking:read"), NOW.plus(Duration.ofDays(730)), 6000);

        assertThat(key.scopes()).isEqualTo(Set.of(ApiScope.TRACKING_READ));
        assertThat(key.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(730)));
        assertThat(key.requestsPerMinute()).isEqualTo(6000);
        assertThat(key.isUsable(NOW)).isTrue();
        assertThat(key.isUsable(NOW.plus(Duration.ofDays(730)))).as("expired at its expires_at").isFalse();
    }

    @Test
    void shouldRefuseScopesTheOwnersRoleDoesNotAllowOrThatDoNotExist() {
        assertRefused(() -> issue(Role.CUSTOMER, List.of("scans:write"), null, null), "scopes");
        assertRefused(() -> issue(Role.AGENT, List.of("shipments:write"), null, null), "scopes");
        assertRefused(() -> issue(Role.ADMIN, null, null, null), "scopes");
        assertRefused(() -> issue(Role.CUSTOMER, List.of("TRACKING:READ"), null, null), "scopes");
        assertRefused(() -> issue(Role.CUSTOMER, List.of(), null, null), "scopes");
    }

    @Test
    void shouldRefuseAnExpiryNotAheadOrTooFarAheadAndALimitOutOfBounds() {
        assertRefused(() -> issue(Role.CUSTOMER, null, NOW, null), "expires_at");
        assertRefused(() -> issue(Role.CUSTOMER, null, NOW.plus(Duration.ofDays(731)), null), "expires_at");
        assertRefused(() -> issue(Role.CUSTOMER, null, null, 0), "requests_per_minute");
        assertRefused(() -> issue(Role.CUSTOMER, null, null, 6001), "requests_per_minute");
    }

    private static ApiKey issue(Role role, List<String> scopes, Instant expiresAt, Integer perMinute) {
        return ApiKey.issue(OWNER, role, new ApiKey.Request(" Shop ", scopes, expiresAt, perMinute), BOUNDS, OWNER, NOW)
                .key();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable issue, String field) {
        assertThatThrownBy(issue).isInstanceOf(InvalidRequestException.class)
                .extracting(refusal -> ((InvalidRequestException) refusal).field()).isEqualTo(field);
    }
}
