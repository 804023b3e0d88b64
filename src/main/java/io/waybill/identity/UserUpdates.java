package io.waybill.identity;

import java.time.Instant;

/** The {@link UserUpdated} event of an account: its whole state now. */
final class UserUpdates {

    private UserUpdates() {
    }

    /** The account's state just after its tokens were revoked at {@code revokedAt}. */
    static UserUpdated of(User user, Instant revokedAt) {
        return of(user, revokedAt, revokedAt);
    }

    /** The account's state at {@code at}, its tokens revoked at {@code tokensRevokedAt} (null: never). */
    static UserUpdated of(User user, Instant tokensRevokedAt, Instant at) {
        return new UserUpdated(user.id(), user.role().wireName(), user.email().value(), user.fullName(), user.phone(),
                user.isEmailVerified(), tokensRevokedAt, user.isDisabled(), at);
    }
}
