package io.waybill.identity;

import java.time.Instant;

/** The {@link UserUpdated} event of an account whose tokens were revoked at {@code revokedAt}. */
final class UserUpdates {

    private UserUpdates() {
    }

    static UserUpdated of(User user, Instant revokedAt) {
        return new UserUpdated(user.id(), user.role().wireName(), user.email().value(), user.fullName(), user.phone(),
                revokedAt, revokedAt);
    }
}
