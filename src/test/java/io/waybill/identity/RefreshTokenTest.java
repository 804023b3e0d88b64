package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.identity.RefreshToken.Issued;
import io.waybill.identity.RefreshToken.State;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Duration TTL = Duration.ofDays(14);
    private static final Duration LIFETIME = Duration.ofDays(90);

    private final UUID user = UUID.randomUUID();
    private final UUID family = UUID.randomUUID();

    private RefreshToken token(Instant usedAt, Instant revokedAt) {
        return new RefreshToken(UUID.randomUUID(), user, family, NOW, RefreshToken.hash("secret"), NOW, NOW.plus(TTL),
                usedAt, revokedAt);
    }

    @Test
    void shouldIssueATokenOfTheFamilyThatExpiresAfterItsTimeToLive() {
        Issued issued = RefreshToken.issue(user, family, NOW, NOW, TTL, LIFETIME);
        RefreshToken token = issued.token();

        assertThat(token.id()).isNotNull();
        assertThat(token.userId()).isEqualTo(user);
        assertThat(token.familyId()).isEqualTo(family);
        assertThat(token.issuedAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(token.usedAt()).isNull();
        assertThat(token.revokedAt()).isNull();
    }

    @Test
    void shouldKeepOnlyTheHashOfTheValueItHandsOut() {
        Issued issued = RefreshToken.issue(user, family, NOW, NOW, TTL, LIFETIME);

        assertThat(issued.token().tokenHash()).hasSize(32).isEqualTo(RefreshToken.hash(issued.value()));
    }

    @Test
    void shouldHandOutAUrlSafeValueOf256RandomBits() {
        Issued issued = RefreshToken.issue(user, family, NOW, NOW, TTL, LIFETIME);

        assertThat(issued.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldIssueADifferentValueAndIdEachTime() {
        Set<String> values = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Issued issued = RefreshToken.issue(user, family, NOW, NOW, TTL, LIFETIME);
            values.add(issued.value());
            hashes.add(HexFormat.of().formatHex(issued.token().tokenHash()));
            ids.add(issued.token().id());
        }

        assertThat(values).hasSize(1_000);
        assertThat(hashes).hasSize(1_000);
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void shouldHashTheSameValueToTheSameSha256() {
        assertThat(RefreshToken.hash("abc")).isEqualTo(RefreshToken.hash("abc")).isNotEqualTo(RefreshToken.hash("abd"));
        assertThat(HexFormat.of().formatHex(RefreshToken.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldBeGoodUntilItExpires() {
        RefreshToken token = token(null, null);

        assertThat(token.stateAt(NOW)).isEqualTo(State.GOOD);
        assertThat(token.stateAt(NOW.plus(TTL).minusMillis(1))).isEqualTo(State.GOOD);
    }

    @Test
    void shouldBeExpiredFromItsExpiryOn() {
        RefreshToken token = token(null, null);

        assertThat(token.stateAt(NOW.plus(TTL))).isEqualTo(State.EXPIRED);
        assertThat(token.stateAt(NOW.plus(TTL).plusSeconds(1))).isEqualTo(State.EXPIRED);
    }

    @Test
    void shouldCountAUsedTokenPresentedAgainAsReplayed() {
        RefreshToken used = token(NOW.plusSeconds(60), null);

        assertThat(used.stateAt(NOW.plusSeconds(120))).isEqualTo(State.REPLAYED);
    }

    @Test
    void shouldCountARevokedTokenPresentedAgainAsReplayed() {
        RefreshToken revoked = token(null, NOW.plusSeconds(60));

        assertThat(revoked.stateAt(NOW.plusSeconds(120))).isEqualTo(State.REPLAYED);
    }

    @Test
    void shouldCountAUsedTokenAsReplayedEvenOnceExpired() {
        RefreshToken usedAndRevoked = token(NOW.plusSeconds(60), NOW.plusSeconds(90));

        assertThat(token(NOW.plusSeconds(60), null).stateAt(NOW.plus(TTL).plusSeconds(1))).isEqualTo(State.REPLAYED);
        assertThat(usedAndRevoked.stateAt(NOW.plusSeconds(120))).isEqualTo(State.REPLAYED);
    }

    @Test
    void shouldNeverOutliveTheLifetimeOfItsFamily() {
        Instant familyStarted = NOW.minus(LIFETIME).plus(Duration.ofDays(3));

        RefreshToken rotated = RefreshToken.issue(user, family, familyStarted, NOW, TTL, LIFETIME).token();

        assertThat(rotated.familyStartedAt()).isEqualTo(familyStarted);
        assertThat(rotated.expiresAt()).isEqualTo(familyStarted.plus(LIFETIME));
        assertThat(rotated.stateAt(familyStarted.plus(LIFETIME).minusMillis(1))).isEqualTo(State.GOOD);
        assertThat(rotated.stateAt(familyStarted.plus(LIFETIME))).isEqualTo(State.EXPIRED);
    }
}
