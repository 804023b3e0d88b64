package io.waybill.kernel.web;

import io.waybill.kernel.LargeBodyPath;
import io.waybill.kernel.PlatformProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration {

    /** Before everything else, so that every answer and log line, refusals included, carries the id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Right after the request id: a request's tenant (issue 13) is bound by later filters and ends here. */
    @Bean
    FilterRegistrationBean<TenantScopeFilter> tenantScopeFilter() {
        FilterRegistrationBean<TenantScopeFilter> registration = new FilterRegistrationBean<>(new TenantScopeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** First of the filters that read: an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(Problems problems,
            PlatformProperties properties, ObjectProvider<LargeBodyPath> largeBodies) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(
                properties.maxRequestSize().toBytes(), largeBodies.orderedStream().toList(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After the security filters (order -100): only an answer the caller may have is tagged. */
    @Bean
    FilterRegistrationBean<ConditionalGetFilter> conditionalGetFilter(HandlerAnnotations handlers) {
        FilterRegistrationBean<ConditionalGetFilter> registration =
                new FilterRegistrationBean<>(new ConditionalGetFilter(handlers));
        registration.setOrder(0);
        return registration;
    }
}
