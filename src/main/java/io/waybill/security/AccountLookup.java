package io.waybill.security;

import io.waybill.kernel.Role;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an account still exists, its role now, and since when its tokens count, as this process
 * knows it: the security module's copy of the accounts, written by the identity module in the
 * transaction of each change and, in a service without identity, from identity's events. A deleted
 * account is known as deleted for good; an account this copy has not heard of yet is unknown, which
 * {@link #active} and {@link #activeRole} answer like a deleted one (a wrong id, or an account too
 * new to act on here) and {@link #activeForToken} does not. A disabled account is not active while
 * it is ({@link #isDisabled}).
 */
public interface AccountLookup {

    /** The account, if this copy knows it and it is not deleted. */
    Optional<ActiveAccount> active(UUID userId);

    /**
     * Whether this copy knows the account as disabled by an admin: {@link #active} says it is not
     * active, as for a deleted account, but it may come back, so what it owns is kept, not ended.
     */
    default boolean isDisabled(UUID userId) {
        return false;
    }

    default Optional<Role> activeRole(UUID userId) {
        return active(userId).map(ActiveAccount::role);
    }

    /**
     * The account as a token signed for it sees it: the copy's state if it has one (its role, its
     * revocation; empty if deleted); an account the copy has not heard of yet counts as active with
     * the role the token claims ({@code claimedRole}, empty if null), since identity signs tokens
     * only for accounts it has and its event is on its way.
     */
    Optional<ActiveAccount> activeForToken(UUID userId, Role claimedRole);

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
