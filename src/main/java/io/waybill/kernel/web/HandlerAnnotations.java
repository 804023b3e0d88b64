package io.waybill.kernel.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells a filter, before the request reaches MVC, which annotation the controller method that will
 * answer it carries: so that a behaviour such as {@link io.waybill.kernel.Idempotent} or
 * {@link io.waybill.kernel.ConditionalGet} is switched on where the endpoint is declared, not by a
 * list of paths kept somewhere else. Asks MVC's own mapping, so it matches exactly as the dispatch
 * will (method, path, content type).
 */
@Component
public class HandlerAnnotations {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    /** Looked up on first use: filters are made before MVC's mapping is. */
    HandlerAnnotations(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The annotation on the controller method that would answer this request; empty when none answers it. */
    public <A extends Annotation> Optional<A> of(HttpServletRequest request, Class<A> type) {
        return handler(request).map(method -> method.getMethodAnnotation(type));
    }

    /** The controller method that would answer this request; empty when none answers it. */
    public Optional<HandlerMethod> handler(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        try {
            if (parsedHere) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            HandlerExecutionChain chain = mappings.getObject().getHandler(request);
            if (chain != null && chain.getHandler() instanceof HandlerMethod method) {
                return Optional.of(method);
            }
            return Optional.empty();
        } catch (Exception noHandler) {
            // No method for this path, method or content type: the dispatch answers that itself.
            return Optional.empty();
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
