package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.BadParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void shouldReadAnActionAsAMethodAPathOrBoth() {
        assertThat(AuditQuery.of(null, null, "delete /admin/users", null, null))
                .extracting(AuditQuery::method, AuditQuery::pathPrefix).containsExactly("DELETE", "/admin/users");
        assertThat(AuditQuery.of(null, null, "POST", null, null))
                .extracting(AuditQuery::method, AuditQuery::pathPrefix).containsExactly("POST", null);
        assertThat(AuditQuery.of(null, null, " /admin/hubs ", null, null))
                .extracting(AuditQuery::method, AuditQuery::pathPrefix).containsExactly(null, "/admin/hubs");
        assertThat(AuditQuery.of(null, " ", "", null, null))
                .extracting(AuditQuery::kind, AuditQuery::method, AuditQuery::pathPrefix).containsOnlyNulls();
    }

    @Test
    void shouldRefuseAnActionThatIsNeitherAMethodNorAPath() {
        assertThatThrownBy(() -> AuditQuery.of(null, null, "drop table", null, null))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("DELETE /admin/users");
    }

    @Test
    void shouldRefuseAnUnknownKindAndAnEmptyTimeRange() {
        assertThatThrownBy(() -> AuditQuery.of(null, "reads", null, null, null))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("admin_action or refusal");
        Instant now = Instant.parse("2026-12-02T00:00:00Z");
        assertThatThrownBy(() -> AuditQuery.of(null, null, null, now, now))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("before");
    }
}
