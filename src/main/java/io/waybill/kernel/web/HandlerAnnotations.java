package io.waybill.kernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells a filter, before the request reaches MVC, which annotation the controller method that will
 * answer it carries: so that a behaviour such as {@link io.waybill.kernel.Idempotent} or
 * {@link io.waybill.kernel.ConditionalGet} is switched on where the endpoint is declared, not by a
 * list of paths kept somewhere else. Asks MVC's own mapping, so it matches exactly as the dispatch
 * will (method, path, content type). Few endpoints carry any one marker, so the mappings that carry it
 * are listed once, and a request that matches none of them (most requests) is answered without
 * the full lookup among all the application's mappings.
 */
@Component
public class HandlerAnnotations {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<Class<? extends Annotation>, List<RequestMappingInfo>> marked = new ConcurrentHashMap<>();

    /** Looked up on first use: filters are made before MVC's mapping is. */
    HandlerAnnotations(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The annotation on the controller method that would answer this request; empty when none answers it. */
    public <A extends Annotation> Optional<A> of(HttpServletRequest request, Class<A> type) {
        return withParsedPath(request, mapping -> {
            List<RequestMappingInfo> candidates = marked.computeIfAbsent(type, marker -> markedWith(mapping, marker));
            if (candidates.stream().noneMatch(info -> info.getMatchingCondition(request) != null)) {
                return Optional.empty();
            }
            // One of them may answer; a more specific mapping without the marker may still win.
            return lookup(mapping, request).map(method -> method.getMethodAnnotation(type));
        });
    }

    /** The controller method that would answer this request; empty when none answers it. */
    public Optional<HandlerMethod> handler(HttpServletRequest request) {
        return withParsedPath(request, mapping -> lookup(mapping, request));
    }

    private <T> Optional<T> withParsedPath(HttpServletRequest request,
            Function<RequestMappingHandlerMapping, Optional<T>> use) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        try {
            if (parsedHere) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            return use.apply(mappings.getObject());
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private static Optional<HandlerMethod> lookup(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain != null && chain.getHandler() instanceof HandlerMethod method) {
                remember(request, method);
                return Optional.of(method);
            }
            return Optional.empty();
        } catch (Exception noHandler) {
            // No method for this path, method or content type: the dispatch answers that itself.
            return Optional.empty();
        }
    }

    /**
     * Keeps the method found for this request, so that MVC's dispatch takes it instead of matching the
     * request against every mapping a second time ({@link RememberedHandlerMapping}). Kept for the
     * request's own dispatch only: an error page or an async dispatch of the same request looks again.
     */
    private static void remember(HttpServletRequest request, HandlerMethod method) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && !CorsUtils.isPreFlightRequest(request)) {
            request.setAttribute(FOUND, new Found(request.getMethod(), request.getRequestURI(), method));
        }
    }

    /** The method a filter found for this very request (same dispatch, method and path); null when none did. */
    static HandlerMethod remembered(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && request.getAttribute(FOUND) instanceof Found found
                && found.method().equals(request.getMethod()) && found.uri().equals(request.getRequestURI())) {
            return found.handler();
        }
        return null;
    }

    private static final String FOUND = HandlerAnnotations.class.getName() + ".found";

    private record Found(String method, String uri, HandlerMethod handler) {
    }

    private static List<RequestMappingInfo> markedWith(RequestMappingHandlerMapping mapping,
            Class<? extends Annotation> type) {
        return mapping.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().hasMethodAnnotation(type))
                .map(Map.Entry::getKey)
                .toList();
    }
}
