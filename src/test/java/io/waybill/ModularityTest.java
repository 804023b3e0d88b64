package io.waybill;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of STYLE.md, checked: a module that reaches into another's internals fails here. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(WaybillApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.waybill");

    @Test
    void shouldKeepEveryModuleToTheOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void shouldHaveTheModulesOfTheSeedServices() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("kernel", "eventing", "security", "mail", "identity", "shipments", "network",
                        "tracking", "reporting", "notifications", "delivery", "care", "linehaul", "web");
    }

    @Test
    void shouldKeepSpringAndJdbcOutOfTheDomainTypes() {
        ArchRule rule = ArchRuleDefinition.noClasses()
                .that().areNotMetaAnnotatedWith(Component.class)
                .and().areNotAnonymousClasses()
                .and().resideInAnyPackage("io.waybill.identity", "io.waybill.shipments", "io.waybill.network",
                        "io.waybill.reporting", "io.waybill.tracking", "io.waybill.notifications",
                        "io.waybill.delivery", "io.waybill.care", "io.waybill.linehaul")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.springframework..",
                                "java.sql..", "jakarta.servlet..", "tools.jackson..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.springframework.modulith.."))))
                .because("domain types are plain Java; only Spring components (services, adapters, event "
                        + "handlers) touch Spring, JDBC, servlets or JSON; Modulith's annotations only mark a module's "
                        + "published types");
        rule.check(CLASSES);
    }

    @Test
    void shouldWriteTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
