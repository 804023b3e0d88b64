package io.waybill.identity.oidc;

import io.waybill.identity.AccountTenants;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a sign-in's start before Spring Security redirects to the provider, and answers a problem
 * body for a mistake: an unknown provider, or one whose tenant ({@code waybill.oidc.tenants}) this
 * platform does not have (404), a {@code return_to} that is not one of the configured URIs, or a
 * {@code for} other than {@code web} (422).
 */
final class SignInStart extends OncePerRequestFilter {

    static final String FOR_PAGES = "web";

    private final RequestMatcher start = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.GET, OidcSignInConfiguration.START + "/{registration}");
    private final ClientRegistrationRepository registrations;
    private final List<String> returnUris;
    private final AccountTenants tenants;
    private final Problems problems;

    SignInStart(ClientRegistrationRepository registrations, List<String> returnUris, AccountTenants tenants,
            Problems problems) {
        this.registrations = registrations;
        this.tenants = tenants;
        this.returnUris = returnUris;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestMatcher.MatchResult match = start.matcher(request);
        if (!match.isMatch()) {
            chain.doFilter(request, response);
            return;
        }
        String registration = match.getVariables().get("registration");
        String purpose = request.getParameter("for");
        String returnTo = request.getParameter("return_to");
        boolean configured = registrations.findByRegistrationId(registration) != null;
        String noTenant = configured ? noTenant(registration) : null;
        if (!configured) {
            problems.write(response, request, HttpStatus.NOT_FOUND, "No identity provider is configured by that name.");
        } else if (purpose != null && !FOR_PAGES.equals(purpose)) {
            invalid(request, response, "for", "must be 'web' or absent");
        } else if (returnTo != null && (purpose != null || !returnUris.contains(returnTo))) {
            invalid(request, response, "return_to", "is not one of the return URIs configured for apps");
        } else if (noTenant != null) {
            problems.write(response, request, HttpStatus.NOT_FOUND, noTenant);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Why this provider signs in nowhere (its tenant does not exist), or null when its tenant does. */
    private String noTenant(String registration) {
        try {
            tenants.tenantOfProvider(registration);
            return null;
        } catch (NotFoundException missing) {
            return missing.getMessage();
        }
    }

    private void invalid(HttpServletRequest request, HttpServletResponse response, String field, String message)
            throws IOException {
        ProblemDetail problem = Problems.withErrors(
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "The request is not valid.", request),
                List.of(Map.of("field", field, "message", message)));
        problems.write(response, problem);
    }
}
