package io.waybill.security.web;

import io.waybill.security.ApiKeyLookup;
import io.waybill.kernel.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-API-Key} as the agent the key was issued for. The
 * key is looked up on every request, so a revoked key, or the key of a deleted account, fails at once.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final int LABEL_LENGTH = 12;

    private final ApiKeyLookup keys;
    private final AuthenticationEntryPoint unauthenticated;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeyLookup keys, AuthenticationEntryPoint unauthenticated) {
        this.keys = keys;
        this.unauthenticated = unauthenticated;
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
        Optional<Caller> caller = keys.callerFor(key.trim());
        if (caller.isEmpty()) {
            unauthenticated.commence(request, response, new BadCredentialsException("The API key is invalid or revoked."));
            return;
        }
        String label = "api-key " + key.trim().substring(0, Math.min(LABEL_LENGTH, key.trim().length()));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get(), null, label));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
