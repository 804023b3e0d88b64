package io.waybill.platform.security;

import io.waybill.platform.RateLimit;
import io.waybill.platform.Throttle;
import io.waybill.platform.TooManyRequestsException;
import io.waybill.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits per client address: public tracking, registration, requests that send email, and failed
 * logins (counted once the answer is a 401, refused before the password is even checked once spent).
 * Admins are not counted: they create staff accounts in bulk and are accountable anyway. The client
 * address is the connection's, or the one a trusted proxy forwarded (see the README).
 */
final class AddressRateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

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
        if (limit == null || isAdmin()) {
            chain.doFilter(request, response);
        } else if (limit == RateLimit.LOGIN_ADDRESS) {
            try {
                throttle.requireAvailable(limit, address);
            } catch (TooManyRequestsException spent) {
                refuse(request, response, spent.retryAfterSeconds(), spent.limit());
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                throttle.take(limit, address);
            }
        } else {
            Throttle.Quota quota = throttle.take(limit, address);
            if (!quota.taken()) {
                refuse(request, response, quota.refusal("").retryAfterSeconds(), quota.limit());
                return;
            }
            response.setHeader(LIMIT_HEADER, Long.toString(quota.limit()));
            response.setHeader(REMAINING_HEADER, Long.toString(quota.remaining()));
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, long limit)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setHeader(LIMIT_HEADER, Long.toString(limit));
        response.setHeader(REMAINING_HEADER, "0");
        problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this address: try again in " + retryAfterSeconds + " seconds.");
    }

    private static RateLimit limitOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        if ("GET".equals(method) && path.startsWith("/track/")) {
            return RateLimit.TRACKING;
        }
        if (!"POST".equals(method)) {
            return null;
        }
        return switch (path) {
            case "/auth/login" -> RateLimit.LOGIN_ADDRESS;
            case "/auth/register" -> RateLimit.REGISTRATION;
            case "/auth/request-password-reset", "/auth/request-verification" -> RateLimit.MAIL_REQUEST;
            default -> null;
        };
    }

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                && authentication.getPrincipal().isAdmin();
    }
}
