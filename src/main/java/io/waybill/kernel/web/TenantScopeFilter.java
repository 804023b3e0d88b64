package io.waybill.kernel.web;

import io.waybill.kernel.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request's tenant lives as long as the request: it starts with none, whatever the thread did
 * before, and the tenant its token, API key or page session bound is gone when it ends. Outside the
 * audit log's filter, which writes its entry as the request's tenant after the chain returns.
 */
final class TenantScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantContext.clear();
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }
}
