package io.waybill.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where one-time email tokens are kept, by hash. */
public interface AccountTokenRepository {

    void add(AccountToken token);

    /** Finds a token of that purpose by its hash and locks it until the transaction ends, so it is redeemed once. */
    Optional<AccountToken> lockByHash(byte[] tokenHash, AccountToken.Purpose purpose);

    void markUsed(UUID id, Instant at);

    /** Ends every unused token of that purpose for the user: only the newest one sent works. */
    void supersede(UUID userId, AccountToken.Purpose purpose, Instant at);
}
