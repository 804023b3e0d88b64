package io.waybill.kernel.startup;

import io.waybill.kernel.Services;
import java.util.Objects;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves the business modules this process does not run ({@link Services}) out of the context: no
 * class of theirs is picked up by the component scan nor by the {@code @ConfigurationProperties}
 * scan, so their controllers, event handlers (consumer groups), scheduled jobs and settings records
 * do not exist here.
 *
 * <p>A {@link TypeExcludeFilter} because both of Spring Boot's scans ask every bean of that type
 * (the one of {@code @SpringBootApplication} and the one of {@code @ConfigurationPropertiesScan},
 * which takes no filter of its own); the {@link Initializer} registers it before either scan runs,
 * with the setting read from the environment. A bad setting stops start-up there, with the
 * setting's name.
 */
final class ServiceScope extends TypeExcludeFilter {

    private static final String ROOT = Services.class.getPackageName()
            .substring(0, Services.class.getPackageName().lastIndexOf('.') + 1);

    private final Services services;

    ServiceScope(Services services) {
        this.services = services;
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        String module = moduleOf(reader.getClassMetadata().getClassName());
        return (Services.MODULES.contains(module) || Services.WEB.equals(module)) && !services.runs(module);
    }

    /** The module a class belongs to: the package right under io.waybill (blank for anything else). */
    static String moduleOf(String className) {
        if (!className.startsWith(ROOT)) {
            return "";
        }
        int end = className.indexOf('.', ROOT.length());
        return end < 0 ? "" : className.substring(ROOT.length(), end);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceScope scope && scope.services.equals(services);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ServiceScope.class, services);
    }

    /** Registered in META-INF/spring.factories, so tests' contexts get it like the application's. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Services services = Services.from(context.getEnvironment());
            context.getBeanFactory().registerSingleton("services", services);
            context.getBeanFactory().registerSingleton(ServiceScope.class.getName(), new ServiceScope(services));
        }
    }
}
