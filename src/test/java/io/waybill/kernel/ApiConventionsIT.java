package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What every endpoint shares: problem bodies, the OpenAPI document and Swagger UI. */
class ApiConventionsIT extends ApiTest {

    @Test
    void shouldAnswerUnknownRoutesAndMethodsWithProblems() {
        String token = customer().token();
        assertProblem(api.get("/no-such-route", token), 404);
        assertProblem(api.get("/no-such-route", null), 401);
        assertProblem(api.send("PATCH", "/auth/me", token, "application/json", "{}"), 405);
    }

    @Test
    void shouldDescribeEveryEndpointOfTheContract() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");

        List<String[]> contract = List.of(
                new String[] {"/auth/register", "post"}, new String[] {"/auth/login", "post"},
                new String[] {"/auth/refresh", "post"}, new String[] {"/auth/logout", "post"},
                new String[] {"/auth/me", "get"},
                new String[] {"/shipments", "post"}, new String[] {"/shipments", "get"},
                new String[] {"/shipments/{id}", "get"}, new String[] {"/shipments/{id}", "put"},
                new String[] {"/shipments/{id}", "delete"}, new String[] {"/shipments/{id}/status", "put"},
                new String[] {"/shipments/{id}/assign-agent", "put"},
                new String[] {"/tracking/{id}", "post"}, new String[] {"/tracking/{id}", "get"},
                new String[] {"/track/{trackingNumber}", "get"},
                new String[] {"/admin/hubs", "post"}, new String[] {"/admin/hubs", "get"},
                new String[] {"/admin/hubs/{id}", "get"}, new String[] {"/admin/hubs/{id}", "put"},
                new String[] {"/admin/hubs/{id}", "delete"},
                new String[] {"/admin/vehicles", "post"}, new String[] {"/admin/vehicles", "get"},
                new String[] {"/admin/vehicles/{id}", "get"}, new String[] {"/admin/vehicles/{id}", "put"},
                new String[] {"/admin/vehicles/{id}", "delete"},
                new String[] {"/admin/users", "get"}, new String[] {"/admin/users/{id}", "delete"},
                new String[] {"/admin/reports", "get"},
                new String[] {"/agents/me/locations", "post"}, new String[] {"/admin/agents/locations", "get"},
                new String[] {"/admin/agents/{id}/locations", "get"});
        for (String[] operation : contract) {
            assertThat(paths.has(operation[0])).as(operation[0]).isTrue();
            assertThat(paths.get(operation[0]).has(operation[1])).as(operation[1] + " " + operation[0]).isTrue();
        }
        assertThat(docs.body().get("components").get("securitySchemes").get("bearer").get("flows")
                .get("password").get("tokenUrl").asString()).isEqualTo("/auth/login");
    }

    @Test
    void shouldNameSchemaPropertiesAsTheWireDoes() {
        JsonNode schemas = api.get("/v3/api-docs", null).body().get("components").get("schemas");
        Iterator<JsonNode> all = schemas.values().iterator();
        boolean sawTrackingNumber = false;
        while (all.hasNext()) {
            JsonNode properties = all.next().get("properties");
            if (properties == null) {
                continue;
            }
            for (String name : properties.propertyNames()) {
                assertThat(name).as("schema property").doesNotMatch(".*[A-Z].*");
                sawTrackingNumber |= name.equals("tracking_number");
            }
        }
        assertThat(sawTrackingNumber).isTrue();
    }

    @Test
    void shouldServeSwaggerUiAtDocs() {
        Api.Response docs = api.get("/docs", null);
        assertThat(docs.status()).isIn(200, 302);
        Api.Response ui = api.get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw()).contains("swagger-ui");
    }
}
