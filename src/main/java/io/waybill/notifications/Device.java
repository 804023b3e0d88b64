package io.waybill.notifications;

import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An installation of a Waybill app that receives its user's push notifications: the provider's
 * registration token and the platform. A token names one installation, so it belongs to whoever
 * registered it last (a phone that changes hands, a user who signs out and another in); it is
 * forgotten when its owner removes it or the provider says it is no longer valid.
 */
public record Device(UUID id, UUID userId, String token, String platform, Instant createdAt) {

    public static final Set<String> PLATFORMS = Set.of("android", "ios", "web");
    /** FCM tokens are about 160 characters; a generous bound keeps junk out without guessing their format. */
    static final int MAX_TOKEN_LENGTH = 4096;

    /** A device to register, refusing a token or platform that cannot be one. */
    public static Device register(UUID userId, String token, String platform, Instant now) {
        String trimmed = token == null ? "" : token.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidRequestException("token", "is required: the push provider's registration token");
        }
        if (trimmed.length() > MAX_TOKEN_LENGTH || !trimmed.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new InvalidRequestException("token", "must be at most " + MAX_TOKEN_LENGTH
                    + " printable ASCII characters without spaces");
        }
        String kind = platform == null ? "" : platform.trim().toLowerCase(Locale.ROOT);
        if (!PLATFORMS.contains(kind)) {
            throw new InvalidRequestException("platform", "must be one of android, ios, web");
        }
        return new Device(UUID.randomUUID(), userId, trimmed, kind, now);
    }
}
