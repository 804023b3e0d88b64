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
}
