package io.waybill.kernel.persistence;

import io.waybill.kernel.TenantContext;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Row-level security's side in the application (issue 13): the data source every module uses runs
 * its connections as {@code waybill.tenancy.database-role} (default {@code waybill_app}, made by the
 * eventing module's V150 migration) and sets each to the tenant of the work ({@link TenantDataSource});
 * Flyway keeps the configured user, the tables' owner.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    static final String ROLE = "waybill.tenancy.database-role";
    static final String FAIL_CLOSED = "waybill.tenancy.fail-closed";

    @Bean
    static BeanPostProcessor tenantDataSources(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof TenantDataSource)) {
                    String role = environment.getProperty(ROLE, "waybill_app");
                    boolean failClosed = environment.getProperty(FAIL_CLOSED, Boolean.class, false);
                    return new TenantDataSource(dataSource, role, failClosed ? null : TenantContext.DEFAULT);
                }
                return bean;
            }
        };
    }

    /** Migrations run as the owner: no role switch, no tenant. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner() {
        return configuration -> {
            if (configuration.getDataSource() instanceof TenantDataSource tenants) {
                configuration.dataSource(tenants.owner());
            }
        };
    }
}
