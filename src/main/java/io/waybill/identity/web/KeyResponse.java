package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.identity.ApiKey;
import io.waybill.kernel.ApiScope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as listed: never the key itself, its prefix identifies it. */
record KeyResponse(UUID id, String name, UUID userId,
        @Schema(deprecated = true, description = "The owner, as user_id: kept for clients written when only agents "
                + "had keys") UUID agentId,
        @Schema(example = "wbk_1a2b3c4d") String prefix,
        @ArraySchema(schema = @Schema(example = "tracking:read", allowableValues = {"tracking:read",
                "shipments:write", "scans:write"})) List<String> scopes,
        @Schema(description = "When it stops working; null: never") Instant expiresAt,
        @Schema(description = "Its own rate limit; null: its tenant's api-key budget, else the server's default") Integer requestsPerMinute,
        Instant createdAt, Instant revokedAt) {

    static KeyResponse of(ApiKey key) {
        return new KeyResponse(key.id(), key.name(), key.userId(), key.userId(), key.prefix(), scopes(key),
                key.expiresAt(), key.requestsPerMinute(), key.createdAt(), key.revokedAt());
    }

    static List<String> scopes(ApiKey key) {
        return key.scopes().stream().map(ApiScope::wireName).sorted().toList();
    }
}
