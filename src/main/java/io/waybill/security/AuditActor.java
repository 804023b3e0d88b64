package io.waybill.security;

import io.waybill.kernel.Caller;
import io.waybill.security.audit.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * Tells the audit log who a request acts as when the API's chain did not authenticate it: a signed-in
 * page session, say. Its refusals (and an admin's actions) are then logged with the account, its
 * role and the credential, as the API's are.
 */
public final class AuditActor {

    /** The credential of a page session, as the log shows it. */
    public static final String SESSION = "session";

    private AuditActor() {
    }

    /**
     * The request changed a tenant other than its own (a platform operator's change of a tenant's
     * settings, its opening): once it succeeds, its entry is written in that tenant's log too, where the
     * tenant's admins read it with the actor's role ({@code platform}) and what was done, but not the
     * actor's account, address or user agent, which are another tenant's (the operator's own entry, in
     * its own tenant's log, keeps them).
     */
    public static void changedTenant(HttpServletRequest request, UUID tenant) {
        request.setAttribute(AuditFilter.CHANGED_TENANT, tenant);
    }

    /** {@code credential} says how the caller was recognised, e.g. {@link #SESSION}. */
    public static void actingAs(HttpServletRequest request, Caller caller, String credential) {
        request.setAttribute(AuditFilter.CALLER, caller);
        request.setAttribute(AuditFilter.CREDENTIAL, credential);
    }
}
