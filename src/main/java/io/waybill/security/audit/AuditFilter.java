package io.waybill.security.audit;

import io.waybill.kernel.Caller;
import io.waybill.kernel.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Writes the audit log once a request is answered: every admin action (anything an admin does under
 * {@code /admin/}, and every change an admin or a platform operator makes elsewhere, such as a
 * tenant's settings, also written in the log of the tenant it changed) and every refusal for authentication
 * or authorization (401, 403), whether the security filters or a service refused, and every sign-in
 * through an identity provider ({@link io.waybill.security.SignInRecord}). It wraps the
 * security filter chain so that it sees the status those filters set; the authentication is handed
 * to it in a request attribute, since the chain clears the security context on its way out.
 * The entry is written after the answer's own transaction, so a refusal is logged although the
 * refused change rolled back; a failure to write it is logged and never turns into an error.
 */
public final class AuditFilter extends OncePerRequestFilter {

    /** The request attribute that holds the {@link Caller} once a request is authenticated. */
    public static final String CALLER = AuditFilter.class.getName() + ".caller";
    /** The request attribute that names the credential used: {@code bearer} or {@code api-key wbk_...}. */
    public static final String CREDENTIAL = AuditFilter.class.getName() + ".credential";
    /** The request attribute that names another tenant the request changed, whose log gets the entry too. */
    public static final String CHANGED_TENANT = AuditFilter.class.getName() + ".changed-tenant";
    /** The request attribute that marks a sign-in through an identity provider, logged as {@code sign_in}. */
    public static final String SIGN_IN = AuditFilter.class.getName() + ".sign-in";

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Matched as Spring Security matches {@code /admin/**}: on the decoded path, so that no spelling of it escapes. */
    private static final RequestMatcher ADMIN_ROUTES = PathPatternRequestMatcher.withDefaults().matcher("/admin/**");

    private final ObjectProvider<JdbcAuditLog> auditLog;
    private final Clock clock;

    /** The log is looked up on first use: filters are made early, and the database must not be touched then. */
    AuditFilter(ObjectProvider<JdbcAuditLog> auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response.getStatus());
        }
    }

    private void record(HttpServletRequest request, int status) {
        Caller caller = request.getAttribute(CALLER) instanceof Caller known ? known : null;
        AuditEntry.Kind kind;
        if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
            kind = AuditEntry.Kind.REFUSAL;
        } else if (caller != null && Boolean.TRUE.equals(request.getAttribute(SIGN_IN)) && status < 400) {
            kind = AuditEntry.Kind.SIGN_IN;
        } else if (caller != null && (caller.isAdmin() || caller.isPlatformOperator())
                && (ADMIN_ROUTES.matches(request) || !READS.contains(request.getMethod()))) {
            kind = AuditEntry.Kind.ADMIN_ACTION;
        } else {
            return;
        }
        // An entry is the request's tenant's. A refusal of someone no tenant knows (no credential, or one
        // that did not verify) has none: it is the platform's, kept where the platform's own rows are, in
        // the default tenant's log.
        UUID tenant = TenantContext.current().orElse(TenantContext.DEFAULT);
        try {
            AuditEntry entry = new AuditEntry(clock.instant(), kind, caller == null ? null : caller.userId(),
                    caller == null ? null : caller.role().wireName(), (String) request.getAttribute(CREDENTIAL),
                    request.getMethod(), truncate(pathOf(request), 500), status, request.getRemoteAddr(),
                    truncate(request.getHeader("User-Agent"), 300));
            // A refusal and an admin's read changed nothing: their entries need not wait for the disk.
            boolean recordsAChange = kind == AuditEntry.Kind.SIGN_IN
                    || kind == AuditEntry.Kind.ADMIN_ACTION && !READS.contains(request.getMethod());
            TenantContext.runAs(tenant, () -> auditLog.getObject().append(entry, recordsAChange));
            if (request.getAttribute(CHANGED_TENANT) instanceof UUID changed && !changed.equals(tenant)
                    && kind == AuditEntry.Kind.ADMIN_ACTION && status < 400) {
                // The changed tenant's admins see what was done to it and by what role, nothing of the actor's tenant.
                AuditEntry seen = new AuditEntry(entry.occurredAt(), kind, null, entry.actorRole(), entry.credential(),
                        entry.method(), entry.path(), status, null, null);
                TenantContext.runAs(changed, () -> auditLog.getObject().append(seen, recordsAChange));
            }
        } catch (RuntimeException e) {
            log.error("Could not write the audit log entry for {} {} ({})", request.getMethod(),
                    request.getRequestURI(), status, e);
        }
    }

    /** The path as it was routed (decoded, without {@code ;} parameters), so the log reads the same for every spelling. */
    private static String pathOf(HttpServletRequest request) {
        try {
            return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        } catch (RuntimeException undecodable) {
            return request.getRequestURI();
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
