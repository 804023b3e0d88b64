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

    /** Keys, newest first, of one account or (userId null) of all. */
    Page<ApiKey> list(UUID userId, PageQuery page);

    /**
     * How many keys of this account are neither revoked nor expired at {@code now}; holds other issues
     * for the same account back until the transaction ends, so that two at once cannot pass a cap together.
     */
    int countUsableLockingOwner(UUID userId, Instant now);

    void revoke(UUID id, Instant at);
}
