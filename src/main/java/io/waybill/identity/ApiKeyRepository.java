package io.waybill.identity;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where API keys are kept, by hash. */
public interface ApiKeyRepository {

    void add(ApiKey key);

    Optional<ApiKey> find(UUID id);

    /** Keys, newest first, of one agent or (agentId null) of all. */
    Page<ApiKey> list(UUID agentId, PageQuery page);

    void revoke(UUID id, Instant at);

    /** The agent a key acts for, if the key is not revoked and its agent's account is live: read on every request. */
    Optional<UUID> liveAgentFor(byte[] keyHash);
}
