package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The care pages exist only in a process that runs the care module, whatever else serves the pages. */
class CareRunsTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(OnlyWhereCareRuns.class);

    @Test
    void shouldLeaveTheCarePagesOutOfAProcessThatServesThePagesWithoutCare() {
        contexts.withPropertyValues("waybill.services=identity,shipments,network,tracking,notifications")
                .run(context -> assertThat(context).doesNotHaveBean(OnlyWhereCareRuns.class));
    }

    @Test
    void shouldKeepTheCarePagesWhereCareRuns() {
        contexts.run(context -> assertThat(context).hasSingleBean(OnlyWhereCareRuns.class));
        contexts.withPropertyValues("waybill.services=identity,shipments,network,tracking,notifications,care")
                .run(context -> assertThat(context).hasSingleBean(OnlyWhereCareRuns.class));
    }

    @Test
    void shouldServeTheStaffsTicketPagesUnderTheSameConditionAsTheCustomers() {
        assertThat(SupportPages.class.getAnnotation(Conditional.class).value())
                .containsExactly(CarePages.CareRuns.class);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(CarePages.CareRuns.class)
    static class OnlyWhereCareRuns {
    }
}
