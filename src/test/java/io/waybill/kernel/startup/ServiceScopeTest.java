package io.waybill.kernel.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.Services;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/** The scans leave out exactly the business modules a process does not run. */
class ServiceScopeTest {

    private final MetadataReaderFactory readers = new SimpleMetadataReaderFactory();

    @Test
    void shouldLeaveOutOnlyTheBusinessModulesThatDoNotRun() throws IOException {
        ServiceScope scope = new ServiceScope(Services.parse(List.of("identity", "shipments")));

        assertThat(excludes(scope, "io.waybill.network.web.HubController")).isTrue();
        assertThat(excludes(scope, "io.waybill.reporting.ReportingProjection")).isTrue();
        assertThat(excludes(scope, "io.waybill.notifications.config.NotificationsProperties")).isTrue();
        assertThat(excludes(scope, "io.waybill.tracking.TrackingProjection")).isTrue();
        assertThat(excludes(scope, "io.waybill.delivery.LocationRetention")).isTrue();
        assertThat(excludes(scope, "io.waybill.care.ShipmentCopyFeed")).isTrue();
        assertThat(excludes(scope, "io.waybill.linehaul.BagService")).isTrue();
        assertThat(excludes(scope, "io.waybill.shipments.web.ShipmentController")).isFalse();
        assertThat(excludes(scope, "io.waybill.identity.IdentityService")).isFalse();
        assertThat(excludes(scope, "io.waybill.eventing.outbox.OutboxRelay")).isFalse();
        assertThat(excludes(scope, "io.waybill.security.web.SecurityConfiguration")).isFalse();
        assertThat(excludes(scope, "io.waybill.mail.relay.MailRelay")).isFalse();
        assertThat(excludes(scope, "io.waybill.kernel.web.ProblemHandler")).isFalse();
        assertThat(excludes(scope, "io.waybill.WaybillApplication")).isFalse();
    }

    @Test
    void shouldLeaveOutNothingWhenEveryModuleRuns() throws IOException {
        ServiceScope scope = new ServiceScope(Services.all());

        assertThat(excludes(scope, "io.waybill.network.web.HubController")).isFalse();
        assertThat(excludes(scope, "io.waybill.reporting.ReportingProjection")).isFalse();
        assertThat(excludes(scope, "io.waybill.delivery.LocationRetention")).isFalse();
        assertThat(excludes(scope, "io.waybill.care.ShipmentCopyFeed")).isFalse();
        assertThat(excludes(scope, "io.waybill.linehaul.BagService")).isFalse();
    }

    private boolean excludes(ServiceScope scope, String className) throws IOException {
        return scope.match(readers.getMetadataReader(className), readers);
    }
}
