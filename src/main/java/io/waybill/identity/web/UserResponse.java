package io.waybill.identity.web;

import io.waybill.identity.User;
import java.time.Instant;
import java.util.UUID;

/** An account as the API shows it: never its password hash. */
record UserResponse(UUID id, String email, String fullName, String phone, String role, boolean emailVerified,
        boolean disabled, Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email().value(), user.fullName(), user.phone(),
                user.role().wireName(), user.isEmailVerified(), user.isDisabled(), user.createdAt());
    }
}
