package io.waybill.security;

import io.waybill.kernel.Caller;
import io.waybill.security.audit.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;

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

    /** {@code credential} says how the caller was recognised, e.g. {@link #SESSION}. */
    public static void actingAs(HttpServletRequest request, Caller caller, String credential) {
        request.setAttribute(AuditFilter.CALLER, caller);
        request.setAttribute(AuditFilter.CREDENTIAL, credential);
    }
}
