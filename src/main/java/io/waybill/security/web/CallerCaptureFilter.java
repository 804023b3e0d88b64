package io.waybill.security.web;

import io.waybill.security.audit.AuditFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Hands the authenticated caller to the audit log, which reads it after the security context is gone. */
final class CallerCaptureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
            request.setAttribute(AuditFilter.CALLER, authentication.getPrincipal());
            request.setAttribute(AuditFilter.CREDENTIAL, authentication.credentialLabel());
        }
        chain.doFilter(request, response);
    }
}
