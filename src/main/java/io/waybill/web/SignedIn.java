package io.waybill.web;

import io.waybill.identity.TokenPair;
import io.waybill.kernel.TenantContext;
import io.waybill.security.AccountLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/** The page session's account: who it is, signing in (a new session id and CSRF token) and out. */
@Component
class SignedIn {

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final AccountLookup accounts;
    private final Clock clock;

    SignedIn(AccountLookup accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    static Optional<PageUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PageUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** The session, now signed in as the account the identity module logged in. */
    void signIn(TokenPair tokens, String email, HttpServletRequest request, HttpServletResponse response) {
        Instant now = clock.instant();
        // Counted from when a token issued now would count, so a sign-in right after a reset is not refused.
        Instant signedInAt = accounts.active(tokens.userId()).map(account -> account.tokenIssueTime(now)).orElse(now);
        // The sign-in read the account as its tenant's (the email's tenant), so the session is that tenant's.
        PageUser user = new PageUser(tokens.userId(), tokens.role(), signedInAt, tokens.refreshToken(), email,
                TenantContext.currentOrDefault());
        request.getSession(true);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + tokens.role().name()))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
