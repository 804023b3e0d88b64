package io.waybill.security.idempotency;

import io.waybill.kernel.web.HandlerAnnotations;
import io.waybill.kernel.web.Problems;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** Just inside the security filter chain's end: the caller is known, and refusals took no key. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(HandlerAnnotations handlers,
            ObjectProvider<JdbcIdempotencyKeys> keys, Problems problems, Clock clock,
            IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(handlers, keys, problems, clock, properties));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
