package io.waybill.identity.oidc;

import io.waybill.kernel.web.Problems;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A provider's callback counts against the failed-login budget of the client address, as a password
 * login does: one is taken before the callback is checked and given back once the sign-in succeeded,
 * so forged or replayed callbacks and refused accounts spend it, and a spent budget is a 429.
 */
final class CallbackThrottle extends OncePerRequestFilter {

    private final RequestMatcher callback = PathPatternRequestMatcher.withDefaults()
            .matcher(OidcSignInConfiguration.CALLBACK);
    private final Throttle throttle;
    private final Problems problems;

    CallbackThrottle(Throttle throttle, Problems problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!callback.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Throttle.Quota quota = throttle.take(RateLimit.LOGIN_ADDRESS, address);
        if (!quota.taken()) {
            long seconds = quota.refusal("").retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from this address: try again in " + seconds + " seconds.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (Boolean.TRUE.equals(request.getAttribute(SignInCompletion.SIGNED_IN))) {
                throttle.giveBack(RateLimit.LOGIN_ADDRESS, address);
            }
        }
    }
}
