package io.waybill.identity.oidc;

import io.waybill.identity.AccountTenants;
import io.waybill.identity.ProviderIdentity;
import io.waybill.identity.ProviderSignIn;
import io.waybill.identity.SignInProviders;
import io.waybill.kernel.Caller;
import io.waybill.kernel.TenantContext;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.web.Problems;
import io.waybill.security.SignInRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The end of a provider sign-in, once Spring Security has checked the state, traded the provider's
 * code (with the PKCE verifier) and validated the ID token and its nonce: the identity module finds,
 * links or creates the account and hands out a one-time code, which goes where the sign-in was
 * started for: into the page session (then {@code /signin/provider} signs the pages in), to the
 * app's return URI, or back as JSON. A refusal goes the same way, as a message.
 */
final class SignInCompletion implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Set on the request once the sign-in succeeded: the failed-login budget taken for it is given back. */
    static final String SIGNED_IN = SignInCompletion.class.getName() + ".signed-in";

    private static final Logger log = LoggerFactory.getLogger(SignInCompletion.class);

    private final ProviderSignIn signIns;
    private final AccountTenants tenants;
    private final SignInProviders providers;
    private final Problems problems;

    SignInCompletion(ProviderSignIn signIns, AccountTenants tenants, SignInProviders providers, Problems problems) {
        this.signIns = signIns;
        this.tenants = tenants;
        this.providers = providers;
        this.problems = problems;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SignInRequest started = SignInRequest.consumedBy(request);
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        if (!(token.getPrincipal() instanceof OidcUser user)) {
            refuse(request, response, started, HttpStatus.FORBIDDEN, new ForbiddenException(
                    "This provider is not configured for OpenID Connect: its registration needs the scope 'openid'."));
            return;
        }
        ProviderSignIn.SignInCode code;
        try {
            // The registration's tenant, and no other, is this sign-in's (and the audit entry's) for the rest of the request.
            tenants.bindForProvider(token.getAuthorizedClientRegistrationId());
            code = signIns.signIn(new ProviderIdentity(token.getAuthorizedClientRegistrationId(),
                    user.getIssuer().toString(), user.getSubject(), user.getEmail(),
                    emailVerified(user), user.getFullName()));
        } catch (NotFoundException noTenant) {
            refuse(request, response, started, HttpStatus.NOT_FOUND, noTenant);
            return;
        } catch (RefusalException refusal) {
            refuse(request, response, started, HttpStatus.FORBIDDEN, refusal);
            return;
        }
        SignInRecord.signedIn(request, new Caller(code.userId(), code.role(), TenantContext.currentOrDefault()),
                "oidc " + token.getAuthorizedClientRegistrationId());
        request.setAttribute(SIGNED_IN, Boolean.TRUE);
        response.setHeader("Cache-Control", "no-store");
        if (started != null && started.forPages()) {
            request.getSession().setAttribute(ProviderSignIn.SESSION_CODE, code.value());
            keepForPages(request, started);
            response.sendRedirect(OidcSignInConfiguration.PAGES_FINISH);
        } else if (started != null && started.returnTo() != null) {
            response.sendRedirect(withParameters(started.returnTo(), "code=" + encode(code.value())));
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"" + code.value() + "\",\"expires_in\":" + code.expiresInSeconds()
                    + "}");
        }
    }

    /**
     * Spring Security refused the callback: no sign-in of this session has that state (forged, replayed
     * or expired), the provider answered an error (the person cancelled), or the ID token failed a check.
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        log.info("A provider sign-in was refused: {}", exception.getMessage());
        refuse(request, response, SignInRequest.consumedBy(request), HttpStatus.UNAUTHORIZED,
                new ForbiddenException("The sign-in with the provider failed or expired: start it again."));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, SignInRequest started,
            HttpStatus status, RefusalException refusal) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (started != null && started.forPages()) {
            request.getSession().setAttribute(ProviderSignIn.SESSION_REFUSAL, refusal.getMessage());
            keepForPages(request, started);
            response.sendRedirect(OidcSignInConfiguration.PAGES_FINISH);
        } else if (started != null && started.returnTo() != null) {
            response.sendRedirect(withParameters(started.returnTo(), "error=access_denied&error_description="
                    + encode(refusal.getMessage())));
        } else {
            problems.write(response, request, status, refusal.getMessage());
        }
    }

    /**
     * Leaves the pages what the sign-in was started with: the page it was on its way to, and its
     * provider's tenant, whose sign-in page a refusal shows again (never the default tenant's).
     */
    private void keepForPages(HttpServletRequest request, SignInRequest started) {
        HttpSession session = request.getSession();
        session.removeAttribute(ProviderSignIn.SESSION_CONTINUE);
        session.removeAttribute(ProviderSignIn.SESSION_TENANT);
        if (started.continueTo() != null) {
            session.setAttribute(ProviderSignIn.SESSION_CONTINUE, started.continueTo());
        }
        if (started.registration() != null) {
            session.setAttribute(ProviderSignIn.SESSION_TENANT, providers.tenantOf(started.registration()));
        }
    }

    /**
     * The standard claim; Microsoft Entra ID sends none, and says the same with its optional claim
     * {@code xms_edov} (the address's domain is verified as the tenant's).
     */
    static boolean emailVerified(OidcUser user) {
        return Boolean.TRUE.equals(user.getEmailVerified()) || Boolean.TRUE.equals(user.getClaimAsBoolean("xms_edov"));
    }

    private static String withParameters(String uri, String parameters) {
        return uri + (uri.contains("?") ? "&" : "?") + parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
