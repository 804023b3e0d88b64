package io.waybill.security;

import io.waybill.kernel.Role;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the security layer whether the subject of a token still has an account, its role now, and
 * since when its tokens count. The identity module implements it; a deleted account yields empty,
 * so its tokens fail at once.
 */
public interface AccountLookup {

    Optional<ActiveAccount> active(UUID userId);

    default Optional<Role> activeRole(UUID userId) {
        return active(userId).map(ActiveAccount::role);
    }

    /**
     * A live account as a token sees it. {@code tokensRevokedAt} is when the owner last logged out
     * everywhere or reset the password (null: never); tokens issued before it are refused.
     */
    record ActiveAccount(Role role, Instant tokensRevokedAt) {

        /**
         * Whether a token issued at {@code issuedAt} still counts. A JWT's {@code iat} has whole
         * seconds, so a token counts from the first whole second at or after the revocation: one
         * issued in the same second just before it is refused as well.
         */
        public boolean acceptsTokenIssuedAt(Instant issuedAt) {
            return tokensRevokedAt == null || issuedAt != null && !issuedAt.isBefore(tokensCountFrom());
        }

        /**
         * The issue time to put in a token made now: now, or, within the second of a revocation,
         * the first whole second after it (less than a second ahead), so the new token counts.
         */
        public Instant tokenIssueTime(Instant now) {
            return tokensRevokedAt == null || !now.isBefore(tokensCountFrom()) ? now : tokensCountFrom();
        }

        private Instant tokensCountFrom() {
            Instant second = tokensRevokedAt.truncatedTo(ChronoUnit.SECONDS);
            return second.equals(tokensRevokedAt) ? second : second.plusSeconds(1);
        }
    }
}
