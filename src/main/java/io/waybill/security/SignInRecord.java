package io.waybill.security;

import io.waybill.kernel.Caller;
import io.waybill.security.audit.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks the request that signed an account in some way other than a password (an identity
 * provider's callback), so that the audit log records the sign-in with the account and how.
 */
public final class SignInRecord {

    private SignInRecord() {
    }

    /** {@code method} says how, e.g. {@code oidc google}; it lands in the entry's credential. */
    public static void signedIn(HttpServletRequest request, Caller caller, String method) {
        AuditActor.actingAs(request, caller, method);
        request.setAttribute(AuditFilter.SIGN_IN, Boolean.TRUE);
    }
}
