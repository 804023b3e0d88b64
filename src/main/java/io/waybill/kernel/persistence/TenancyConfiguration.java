package io.waybill.kernel.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.waybill.kernel.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Row-level security's side in the application (issue 13): the data source every module uses runs
 * its connections as {@code waybill.tenancy.database-role} (default {@code waybill_app}, made by the
 * eventing module's V150 migration) and sets each to the tenant of the work ({@link TenantDataSource});
 * Flyway keeps the configured user, the tables' owner. Work that binds no tenant sees no row and can
 * write none ({@code waybill.tenancy.fail-closed}, default true): a code path that forgets its tenant
 * fails instead of silently reading and writing the default tenant's rows. {@code false} brings back
 * the default tenant as the fallback, for a deployment that still has code of before tenants.
 *
 * <p>It also gives background work a Hikari pool of its own, of {@code waybill.database.workers-pool-size}
 * connections (default 6; 0 shares the requests' pool), with the requests' pool's settings: opened
 * as background work asks for them and closed again after a minute unused.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    static final String ROLE = "waybill.tenancy.database-role";
    static final String FAIL_CLOSED = "waybill.tenancy.fail-closed";
    static final String WORKERS_POOL_SIZE = "waybill.database.workers-pool-size";

    /** The workers' pools this configuration opened, closed with the context. */
    static final class WorkerPools implements DisposableBean {

        private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

        DataSource open(HikariDataSource requests, int size) {
            // Made as Spring Boot makes the requests' pool: it connects on its first borrow, not now.
            HikariDataSource pool = new HikariDataSource();
            requests.copyStateTo(pool);
            pool.setPoolName((requests.getPoolName() == null ? "waybill" : requests.getPoolName()) + "-workers");
            pool.setMaximumPoolSize(size);
            pool.setMinimumIdle(0);
            pool.setIdleTimeout(Duration.ofMinutes(1).toMillis());
            pools.add(pool);
            return pool;
        }

        @Override
        public void destroy() {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
    }

    /** Infrastructure, made before the post-processor that needs it: nothing is to post-process it. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static WorkerPools workerPools() {
        return new WorkerPools();
    }

    @Bean
    static BeanPostProcessor tenantDataSources(Environment environment, WorkerPools workerPools) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof TenantDataSource)) {
                    String role = environment.getProperty(ROLE, "waybill_app");
                    boolean failClosed = environment.getProperty(FAIL_CLOSED, Boolean.class, true);
                    int workersPoolSize = environment.getProperty(WORKERS_POOL_SIZE, Integer.class, 6);
                    DataSource workers = dataSource instanceof HikariDataSource requests && workersPoolSize > 0
                            ? workerPools.open(requests, workersPoolSize) : null;
                    return new TenantDataSource(dataSource, workers, role, failClosed ? null : TenantContext.DEFAULT);
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
