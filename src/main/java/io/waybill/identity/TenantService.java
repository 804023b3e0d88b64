package io.waybill.identity;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants, for platform operators: a new tenant comes with its first admin, who manages the tenant
 * from then on; the operator is no admin of any tenant. A tenant's settings are changed by its admins
 * or by a platform operator, and every change is published ({@link TenantSettingsChanged}).
 */
@Service
public class TenantService {

    private static final String FIRST_ADMIN_NAME = "Administrator";

    private final TenantRepository tenants;
    private final IdentityService identity;
    private final EmailVerificationService verification;
    private final TransactionTemplate transaction;
    private final EventPublisher events;
    private final Clock clock;

    TenantService(TenantRepository tenants, IdentityService identity, EmailVerificationService verification,
            TransactionTemplate transaction, EventPublisher events, Clock clock) {
        this.tenants = tenants;
        this.events = events;
        this.identity = identity;
        this.verification = verification;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Opens a tenant and its first admin, whose address gets a verification email. The whole of it
     * is the new tenant's work: its row, its admin and the admin's events are the new tenant's.
     */
    public OpenedTenant open(Caller caller, NewTenant request) {
        requireOperator(caller);
        Tenant tenant = Tenant.open(request.slug(), request.displayName(), clock.instant());
        // Checked before anything is written, so that a bad address or password names its field.
        try {
            new Email(request.adminEmail());
        } catch (InvalidRequestException bad) {
            throw new InvalidRequestException("admin_email", bad.getMessage());
        }
        PasswordPolicy.check("admin_password", request.adminPassword());
        return TenantContext.callAs(tenant.id(), () -> transaction.execute(status -> {
            tenants.add(tenant);
            // Other modules' copies (the carrier's name on public tracking) start from the tenant's first settings.
            events.publish(new TenantSettings(tenant.id(), tenant.slug(), tenant.displayName())
                    .changed(tenant.createdAt()));
            User admin = identity.create(new IdentityService.Registration(request.adminEmail(),
                    request.adminPassword(), request.adminName() == null ? FIRST_ADMIN_NAME : request.adminName(),
                    null, Role.ADMIN));
            verification.send(admin);
            return new OpenedTenant(tenant, admin);
        }));
    }

    public Page<Tenant> list(Caller caller, PageQuery page) {
        requireOperator(caller);
        return tenants.list(page);
    }

    public Tenant find(Caller caller, UUID id) {
        requireOperator(caller);
        return tenants.find(id).orElseThrow(() -> new NotFoundException("No such tenant."));
    }

    /** The settings of the caller's own tenant: its admins only. */
    public TenantSettings settings(Caller caller) {
        requireAdmin(caller);
        return TenantContext.callAs(caller.tenantId(), () -> tenants.settings(caller.tenantId()))
                .orElseThrow(() -> new NotFoundException("No such tenant."));
    }

    /** Changes the settings of the caller's own tenant: its admins only. */
    public TenantSettings changeSettings(Caller caller, TenantSettings.Change change) {
        requireAdmin(caller);
        return change(caller.tenantId(), change);
    }

    /** Changes the settings of any tenant: platform operators only (404 for a tenant there is not). */
    public TenantSettings changeSettings(Caller caller, UUID tenantId, TenantSettings.Change change) {
        requireOperator(caller);
        return change(tenantId, change);
    }

    /**
     * Read, changed and stored as the tenant's own work, locked against a concurrent change, with the
     * event that tells the other modules in the same transaction; a change that changes nothing is
     * not published.
     */
    private TenantSettings change(UUID tenantId, TenantSettings.Change change) {
        return TenantContext.callAs(tenantId, () -> transaction.execute(status -> {
            TenantSettings current = tenants.settingsForChange(tenantId)
                    .orElseThrow(() -> new NotFoundException("No such tenant."));
            TenantSettings changed = current.with(change);
            if (changed.equals(current)) {
                // Nothing to tell the other modules' copies.
                return current;
            }
            tenants.storeSettings(changed);
            events.publish(changed.changed(clock.instant()));
            return changed;
        }));
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only the tenant's admins manage its settings.");
        }
    }

    private static void requireOperator(Caller caller) {
        if (caller == null || !caller.role().isPlatform()) {
            throw new ForbiddenException("Only a platform operator manages tenants.");
        }
    }

    /** What opening a tenant takes: its names and its first admin's credentials. */
    public record NewTenant(String slug, String displayName, String adminEmail, String adminPassword,
            String adminName) {
    }

    /** A tenant just opened, with its first admin. */
    public record OpenedTenant(Tenant tenant, User admin) {
    }
}
