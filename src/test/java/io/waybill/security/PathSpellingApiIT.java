package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit log sees a path however it is spelled: it decides as Spring Security and MVC route. */
class PathSpellingApiIT extends ApiTest {

    @Test
    void shouldAuditAnAdminReadOfAPercentEncodedAdminPath() {
        Account admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String marker = "spelling-" + java.util.UUID.randomUUID();

        Api.Response users = api.send("GET", "/%61dmin/users", admin.token(), null, null, Map.of("User-Agent", marker));

        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        List<Map<String, Object>> logged = database().sql("""
                select kind, method, path, status from audit.events where actor_id = ? and user_agent = ?""")
                .params(admin.id(), marker).query().listOfRows();
        assertThat(logged).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("kind", "admin_action").containsEntry("method", "GET")
                .containsEntry("path", "/admin/users").containsEntry("status", 200));
    }
}
