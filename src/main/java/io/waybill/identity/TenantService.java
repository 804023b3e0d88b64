package io.waybill.identity;

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
 * from then on; the operator is no admin of any tenant.
 */
@Service
public class TenantService {

    private static final String FIRST_ADMIN_NAME = "Administrator";

    private final TenantRepository tenants;
    private final IdentityService identity;
    private final EmailVerificationService verification;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TenantService(TenantRepository tenants, IdentityService identity, EmailVerificationService verification,
            TransactionTemplate transaction, Clock clock) {
        this.tenants = tenants;
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
