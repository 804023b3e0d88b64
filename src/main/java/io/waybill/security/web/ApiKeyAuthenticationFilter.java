package io.waybill.security.web;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.NoApiKeys;
import io.waybill.kernel.RequiresScope;
import io.waybill.kernel.web.HandlerAnnotations;
import io.waybill.kernel.web.Problems;
import io.waybill.security.ApiKeyBudget;
import io.waybill.security.ApiKeyLookup;
import io.waybill.security.Throttle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;

/**
 * Authenticates a request that carries {@code X-API-Key} as the account the key was issued for, on
 * the key's terms: refused (401) when revoked, expired or unknown; refused (403) where the endpoint
 * needs a scope the key lacks ({@link RequiresScope}, {@link NoApiKeys}); counted against the key's
 * own rate limit (429). The key is looked up on every request, so a revoked key, or the key of a
 * deleted account, fails at once.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final int LABEL_LENGTH = 12;

    private final ApiKeyLookup keys;
    private final AuthenticationEntryPoint unauthenticated;
    private final HandlerAnnotations handlers;
    private final ApiKeyBudget budget;
    private final Problems problems;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeyLookup keys, AuthenticationEntryPoint unauthenticated, HandlerAnnotations handlers,
            ApiKeyBudget budget, Problems problems, Clock clock) {
        this.keys = keys;
        this.unauthenticated = unauthenticated;
        this.handlers = handlers;
        this.budget = budget;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            unauthenticated.commence(request, response,
                    new BadCredentialsException("Send either an API key or a bearer token, not both."));
            return;
        }
        Optional<ApiKeyLookup.Grant> grant = keys.callerFor(key.trim(), clock.instant());
        if (grant.isEmpty()) {
            unauthenticated.commence(request, response,
                    new BadCredentialsException("The API key is invalid, expired or revoked."));
            return;
        }
        // Where no handler method is found (no route, or one outside MVC) no scope can be read off it:
        // only a key with every scope may go on, as to a method that names none.
        Optional<HandlerMethod> handler = handlers.handler(request);
        Optional<String> refusal = handler.isPresent() ? scopeRefusal(handler.get(), grant.get())
                : unlessFull(grant.get());
        if (refusal.isPresent()) {
            problems.write(response, request, HttpStatus.FORBIDDEN, refusal.get());
            return;
        }
        String label = "api-key " + key.trim().substring(0, Math.min(LABEL_LENGTH, key.trim().length()));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(grant.get().caller(), null, label, grant.get()));
        contexts.setContext(context);
        Throttle.Quota quota = budget.take(1).orElseThrow();
        if (!quota.taken()) {
            long retryAfter = quota.refusal("").retryAfterSeconds();
            AddressRateLimitFilter.rateLimitHeaders(response, quota.limit(), 0);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many requests with this API key: "
                    + "its limit is " + quota.limit() + " a minute; try again in " + retryAfter + " seconds.");
            return;
        }
        AddressRateLimitFilter.rateLimitHeaders(response, quota.limit(), quota.remaining());
        chain.doFilter(request, response);
    }

    /** Why this key may not call this endpoint, if it may not. */
    private static Optional<String> scopeRefusal(HandlerMethod handler, ApiKeyLookup.Grant key) {
        if (handler.hasMethodAnnotation(NoApiKeys.class)) {
            return Optional.of("API keys cannot be used here: send a bearer token (log in) instead.");
        }
        RequiresScope required = handler.getMethodAnnotation(RequiresScope.class);
        if (required != null) {
            return key.scopes().contains(required.value()) ? Optional.empty()
                    : Optional.of("This API key lacks the scope " + required.value().wireName()
                            + ", which this endpoint needs; its scopes: " + names(key) + ".");
        }
        return unlessFull(key);
    }

    private static Optional<String> unlessFull(ApiKeyLookup.Grant key) {
        return key.isFull() ? Optional.empty() : Optional.of("This endpoint takes only an API key with every scope "
                + "its owner's role allows (" + ApiScope.allowedFor(key.caller().role()).stream()
                        .map(ApiScope::wireName).sorted().collect(Collectors.joining(", "))
                + "); this key's scopes: " + names(key) + ".");
    }

    private static String names(ApiKeyLookup.Grant key) {
        return key.scopes().isEmpty() ? "none"
                : key.scopes().stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(", "));
    }
}
