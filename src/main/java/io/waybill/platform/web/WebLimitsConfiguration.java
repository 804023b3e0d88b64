package io.waybill.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration {

    /** First of all filters: an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(Problems problems,
            @Value("${waybill.max-request-size:1MB}") DataSize maxRequestSize) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(maxRequestSize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
