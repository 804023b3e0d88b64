package io.waybill.kernel.web;

import io.waybill.kernel.ConditionalGet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Strong ETags for the reads marked {@link ConditionalGet}: the tag is a SHA-256 hash of the body
 * as sent, so it changes exactly when the answer does, and a request whose {@code If-None-Match}
 * names it is answered 304 without a body. Only GETs of marked endpoints are buffered;
 * every other answer (streams above all) passes straight through.
 */
final class ConditionalGetFilter extends ShallowEtagHeaderFilter {

    private final HandlerAnnotations handlers;

    ConditionalGetFilter(HandlerAnnotations handlers) {
        this.handlers = handlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Not HEAD: the servlet drops a HEAD answer's body before this filter could hash it.
        return !"GET".equals(request.getMethod()) || handlers.of(request, ConditionalGet.class).isEmpty();
    }

    @Override
    protected String generateETagHeaderValue(InputStream body, boolean isWeak) throws IOException {
        String tag = StrongEtag.of(body.readAllBytes());
        return isWeak ? "W/" + tag : tag;
    }
}
