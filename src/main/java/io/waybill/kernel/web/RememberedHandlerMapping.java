package io.waybill.kernel.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * MVC's mapping of requests to controller methods, which takes the method a filter already found
 * for the same request ({@link HandlerAnnotations}) rather than matching the request against every
 * mapping again. A path with a variable ({@code /shipments/{id}}) is matched by trying each of the
 * application's several hundred mappings: done twice, once by the filter and once by the dispatch,
 * it was about a fifth of the CPU of an authenticated read. The filter's look-up went through this
 * same mapping, so it left the request's attributes (path variables, best pattern) as the dispatch
 * would have.
 */
final class RememberedHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        HandlerMethod found = HandlerAnnotations.remembered(request);
        return found != null ? found : super.getHandlerInternal(request);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations rememberedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new RememberedHandlerMapping();
                }
            };
        }
    }
}
