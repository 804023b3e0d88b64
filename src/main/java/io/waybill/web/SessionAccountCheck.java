package io.waybill.web;

import io.waybill.kernel.TenantContext;
import io.waybill.security.AccountLookup;
import io.waybill.security.AuditActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session whose account was deleted, whose role changed, or whose owner logged out
 * everywhere (or reset the password) since it signed in: the same rule that refuses an access token
 * issued before then, read from the security module's copy of the accounts. A signed-in session's
 * request works as its account's tenant, and the audit log knows it as that account's
 * ({@link AuditActor}): a page refused to it, and an admin's actions, are logged with who asked.
 */
final class SessionAccountCheck extends OncePerRequestFilter {

    private final AccountLookup accounts;

    SessionAccountCheck(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PageUser user = SignedIn.current().orElse(null);
        if (user != null) {
            // The page's work is the signed-in account's tenant's, until the request ends (kernel's TenantScopeFilter).
            TenantContext.set(user.tenantId());
        }
        if (user != null && !accounts.active(user.userId())
                .filter(account -> account.role() == user.role())
                .filter(account -> account.acceptsTokenIssuedAt(user.signedInAt()))
                .isPresent()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } else if (user != null) {
            // A page refused to this account, and what an admin does through the pages, is logged with
            // the account, as through the API.
            AuditActor.actingAs(request, user.caller(), AuditActor.SESSION);
        }
        chain.doFilter(request, response);
    }
}
