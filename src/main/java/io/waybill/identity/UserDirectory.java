package io.waybill.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The identity module's face to the rest of the application: who a live account is. */
@Service
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    public Optional<UserSummary> findLive(UUID id) {
        return users.find(id).filter(User::isActive)
                .map(user -> new UserSummary(user.id(), user.email().value(), user.fullName(), user.phone(),
                        user.role(), user.isEmailVerified()));
    }
}
