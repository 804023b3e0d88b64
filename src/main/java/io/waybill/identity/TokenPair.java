package io.waybill.identity;

import io.waybill.kernel.Role;
import java.util.UUID;

/** What a successful login or refresh hands back. */
public record TokenPair(String accessToken, long expiresIn, String refreshToken, Role role, UUID userId) {
}
