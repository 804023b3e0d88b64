package io.waybill.security;

import io.waybill.kernel.Caller;
import io.waybill.security.audit.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Names the caller of a request that no token or API key authenticated (a web page's signed-in
 * session), so that the audit log records its admin actions and its refusals with the account, as
 * it does for the API's callers.
 */
public final class AuditedCaller {

    private AuditedCaller() {
    }

    /** {@code credential} says how the caller is known, e.g. {@code session}; it lands in the entry's credential. */
    public static void of(HttpServletRequest request, Caller caller, String credential) {
        request.setAttribute(AuditFilter.CALLER, caller);
        request.setAttribute(AuditFilter.CREDENTIAL, credential);
    }
}
