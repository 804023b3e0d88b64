package io.waybill.identity;

import java.util.Optional;

/** Where the links between accounts and providers' identities are kept. */
public interface ProviderLinkRepository {

    Optional<ProviderLink> find(String issuer, String subject);

    /** Stores a new link; refuses with a conflict if that identity was linked meanwhile. */
    void add(ProviderLink link);
}
