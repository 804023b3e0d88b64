package io.waybill.identity;

import io.waybill.platform.Role;
import java.util.UUID;

/** What other modules may know of an account. */
public record UserSummary(UUID id, String email, String fullName, String phone, Role role) {
}
