package io.waybill.identity;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.util.Optional;
import java.util.UUID;

/** Where tenants are kept. Listing and finding look across tenants: they are for platform operators only. */
public interface TenantRepository {

    /** Stores a new tenant as its own row (the work must run as that tenant); a taken slug is a conflict. */
    void add(Tenant tenant);

    Page<Tenant> list(PageQuery page);

    Optional<Tenant> find(UUID id);
}
