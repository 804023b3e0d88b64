package io.waybill.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells the security layer whether the subject of a token still has an account, and its role now.
 * The identity module implements it; a deleted account yields empty, so its tokens fail at once.
 */
public interface AccountLookup {

    Optional<Role> activeRole(UUID userId);
}
