package io.waybill.security.web;

import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import io.waybill.kernel.TooManyRequestsException;
import io.waybill.kernel.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits per client address: public tracking, registration, requests that send email, and failed
 * logins (one is taken before the password is checked and given back unless the answer is a 401).
 * Admins are not counted: they create staff accounts in bulk and are accountable anyway. Tracking
 * lookups made with an API key count against the key's own limit instead; every other limit here
 * counts them like any request, so that a key cannot spray logins or emails past its address's. The client
 * address is the connection's, or the one a trusted proxy forwarded (see the README).
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.GET, "/track/**", RateLimit.TRACKING),
            // MVC answers HEAD with the GET handler: the status alone tells whether a number exists.
            new Route(HttpMethod.HEAD, "/track/**", RateLimit.TRACKING),
            new Route(HttpMethod.POST, "/auth/login", RateLimit.LOGIN_ADDRESS),
            // A wrong sign-in code (401) counts as a failed login, as a wrong password does.
            new Route(HttpMethod.POST, "/auth/oidc/token", RateLimit.LOGIN_ADDRESS),
            new Route(HttpMethod.POST, "/auth/register", RateLimit.REGISTRATION),
            new Route(HttpMethod.POST, "/auth/request-password-reset", RateLimit.MAIL_REQUEST),
            new Route(HttpMethod.POST, "/auth/request-verification", RateLimit.MAIL_REQUEST));

    private final Throttle throttle;
    private final Problems problems;

    AddressRateLimitFilter(Throttle throttle, Problems problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimit limit = limitOf(request);
        String address = request.getRemoteAddr();
        if (limit == null || isAdmin() || limit == RateLimit.TRACKING && isApiKey()) {
            chain.doFilter(request, response);
        } else if (limit == RateLimit.LOGIN_ADDRESS) {
            // Taken before the password is checked and given back unless it was wrong, so that a
            // burst of parallel guesses cannot all pass one check of a budget not yet spent.
            Throttle.Quota quota = throttle.take(limit, address);
            if (!quota.taken()) {
                refuse(request, response, quota.refusal("").retryAfterSeconds(), quota.limit());
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
                    throttle.giveBack(limit, address);
                }
            }
        } else {
            Throttle.Quota quota = throttle.take(limit, address);
            if (!quota.taken()) {
                refuse(request, response, quota.refusal("").retryAfterSeconds(), quota.limit());
                return;
            }
            rateLimitHeaders(response, quota.limit(), quota.remaining());
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, long limit)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        rateLimitHeaders(response, limit, 0);
        problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this address: try again in " + retryAfterSeconds + " seconds.");
    }

    /**
     * Classifies the request the way Spring Security and MVC route it: on the decoded path within the
     * application, without path parameters, so that {@code /%74rack/...} or {@code /auth/%6Cogin}
     * counts like the plain spelling. Spellings the firewall refuses ({@code //}, {@code /./},
     * {@code ;}) never get this far.
     */
    private static RateLimit limitOf(HttpServletRequest request) {
        for (Route route : ROUTES) {
            if (route.matcher().matches(request)) {
                return route.limit();
            }
        }
        return null;
    }

    private record Route(RequestMatcher matcher, RateLimit limit) {

        Route(HttpMethod method, String pattern, RateLimit limit) {
            this(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), limit);
        }
    }

    /** The budget's size and what is left of it, on every answer a budget counted (refusals too). */
    static void rateLimitHeaders(HttpServletResponse response, long limit, long remaining) {
        response.setHeader(LIMIT_HEADER, Long.toString(limit));
        response.setHeader(REMAINING_HEADER, Long.toString(remaining));
    }

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                && authentication.getPrincipal().isAdmin();
    }

    private static boolean isApiKey() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                && authentication.apiKey() != null;
    }
}
