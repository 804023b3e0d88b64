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

    /** The settings of this tenant; read as that tenant's (the work must run as it), so empty for any other. */
    Optional<TenantSettings> settings(UUID tenantId);

    /** As {@link #settings(UUID)}, locked until the transaction ends: read to be changed. */
    Optional<TenantSettings> settingsForChange(UUID tenantId);

    /** Stores a tenant's settings (the work must run as that tenant). */
    void storeSettings(TenantSettings settings);
}
