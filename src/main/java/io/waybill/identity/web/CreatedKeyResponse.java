package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.identity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key just issued, with its value: the one time it is shown. */
record CreatedKeyResponse(UUID id, String name, UUID userId,
        @Schema(deprecated = true, description = "The owner, as user_id") UUID agentId, String prefix,
        @Schema(description = "The key: send it as X-API-Key. Shown this once.") String key,
        @ArraySchema(schema = @Schema(example = "tracking:read")) List<String> scopes, Instant expiresAt,
        Integer requestsPerMinute, Instant createdAt) {

    static CreatedKeyResponse of(ApiKey.Issued issued) {
        ApiKey key = issued.key();
        return new CreatedKeyResponse(key.id(), key.name(), key.userId(), key.userId(), key.prefix(), issued.value(),
                KeyResponse.scopes(key), key.expiresAt(), key.requestsPerMinute(), key.createdAt());
    }
}
