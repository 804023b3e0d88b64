package io.waybill.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.security.AuthorizationMatrixIT;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the server: every endpoint it maps is in the document with every
 * status the authorization matrix gets from it (so an endpoint whose real answer code is missing
 * fails here), one success status, JSON rather than {@code *}{@code /*}, problem bodies for refusals,
 * and the credentials it takes.
 */
class OpenApiDocumentIT extends ApiTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document;

    @BeforeEach
    void read() {
        Api.Response response = api.get("/v3/api-docs", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        document = response.body();
    }

    @Test
    void shouldDocumentEveryStatusTheServerAnswersForEveryMappedEndpoint() {
        Map<String, Set<Integer>> expected = AuthorizationMatrixIT.statusesByEndpoint();
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : mappedEndpoints()) {
            JsonNode operation = operation(endpoint);
            softly.assertThat(operation).as("%s in the document", endpoint).isNotNull();
            softly.assertThat(expected).as("%s in the authorization matrix", endpoint).containsKey(endpoint);
            if (operation == null || !expected.containsKey(endpoint)) {
                continue;
            }
            Set<Integer> statuses = new TreeSet<>(expected.get(endpoint));
            if (isPublic(operation)) {
                // Only a caller who sends a bad credential where none is needed gets 401 there.
                statuses.remove(401);
            }
            Set<Integer> documented = documentedStatuses(operation);
            softly.assertThat(documented).as("statuses documented for %s", endpoint).containsAll(statuses);
            List<Integer> successes = statuses.stream().filter(status -> status / 100 == 2).toList();
            if (!successes.isEmpty()) {
                softly.assertThat(documented.stream().filter(status -> status / 100 == 2).toList())
                        .as("success status of %s", endpoint).containsExactlyElementsOf(successes);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldDescribeTheBodyOfEveryAnswerThatHasOne() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!AuthorizationMatrixIT.isApiController(handler.getBeanType())) {
                continue;
            }
            ResolvableType body = ResolvableType.forMethodReturnType(handler.getMethod());
            if (HttpEntity.class.isAssignableFrom(body.toClass())) {
                body = body.as(HttpEntity.class).getGeneric(0);
            }
            boolean hasBody = body.toClass() != void.class && body.toClass() != Void.class;
            for (String pattern : entry.getKey().getPatternValues()) {
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    String endpoint = method.name() + " " + AuthorizationMatrixIT.normalise(pattern);
                    JsonNode operation = operation(endpoint);
                    if (operation == null) {
                        continue;
                    }
                    for (String code : operation.get("responses").propertyNames()) {
                        if (code.startsWith("2")) {
                            softly.assertThat(operation.get("responses").get(code).has("content"))
                                    .as("%s answer of %s has a body", code, endpoint).isEqualTo(hasBody);
                        }
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldDescribeBodiesRefusalsAndCredentialsAlike() {
        SoftAssertions softly = new SoftAssertions();
        Set<String> operationIds = new TreeSet<>();
        forEachOperation((name, operation) -> {
            JsonNode body = operation.path("requestBody").path("content");
            for (String type : body.propertyNames()) {
                softly.assertThat(type).as("request body of %s", name).isIn("application/json",
                        "application/x-www-form-urlencoded");
            }
            JsonNode responses = operation.get("responses");
            softly.assertThat(responses.propertyNames().stream().filter(code -> code.startsWith("2")))
                    .as("success statuses of %s", name).hasSize(1);
            softly.assertThat(operationIds.add(operation.get("operationId").asString()))
                    .as("operationId of %s is unique", name).isTrue();
            for (JsonNode parameter : operation.path("parameters")) {
                softly.assertThat(parameter.get("name").asString()).as("parameters of %s", name).isNotEqualTo("caller");
            }
            for (String code : responses.propertyNames()) {
                JsonNode content = responses.get(code).path("content");
                if (code.startsWith("2")) {
                    for (String type : content.propertyNames()) {
                        // text/plain: only Meta's WhatsApp handshake, which must echo its challenge as it came.
                        softly.assertThat(type).as("%s answer of %s", code, name)
                                .isIn("application/json", "text/event-stream",
                                        name.equals("GET /notifications/webhook/whatsapp") ? "text/plain"
                                                : "application/json");
                    }
                    if (code.equals("204")) {
                        softly.assertThat(content.isMissingNode()).as("204 of %s has no body", name).isTrue();
                    }
                } else if (code.equals("304")) {
                    softly.assertThat(content.isMissingNode()).as("304 of %s has no body", name).isTrue();
                } else {
                    softly.assertThat(content.propertyNames()).as("%s answer of %s", code, name)
                            .containsExactly("application/problem+json");
                    softly.assertThat(content.path("application/problem+json").path("schema").path("$ref")
                            .asString()).as("%s answer of %s", code, name).isEqualTo(PROBLEM_REF);
                }
            }
            if (isPublic(operation)) {
                return;
            }
            softly.assertThat(responses.has("401")).as("401 for %s, which needs a credential", name).isTrue();
            List<String> schemes = new ArrayList<>();
            operation.get("security").forEach(requirement -> schemes.addAll(requirement.propertyNames()));
            softly.assertThat(schemes).as("credentials of %s", name).contains("bearer");
        });
        softly.assertAll();
        assertThat(document.get("paths").has("/error")).as("/error is hidden").isFalse();
    }

    @Test
    void shouldNameTheCredentialsEachOperationTakes() {
        assertThat(schemes("post", "/auth/login")).isEmpty();
        assertThat(schemes("get", "/track/{trackingNumber}")).isEmpty();
        assertThat(schemes("post", "/auth/register")).isEmpty();
        // A key acts as a delivery agent: it is offered where an agent may call.
        assertThat(schemes("put", "/shipments/{id}/status")).containsExactly("bearer", "apiKey");
        assertThat(schemes("get", "/shipments")).containsExactly("bearer", "apiKey");
        assertThat(schemes("post", "/admin/hubs")).containsExactly("bearer");
        assertThat(schemes("get", "/webhooks")).as("a customer's key acts for the customer").containsExactly("bearer",
                "apiKey");
        assertThat(schemes("post", "/webhooks")).as("a channel that outlives a key takes a bearer token")
                .containsExactly("bearer");
        assertThat(schemes("post", "/me/api-keys")).as("keys are managed with a bearer token").containsExactly("bearer");
        JsonNode apiKey = document.get("components").get("securitySchemes").get("apiKey");
        assertThat(apiKey.get("type").asString()).isEqualTo("apiKey");
        assertThat(apiKey.get("in").asString()).isEqualTo("header");
        assertThat(apiKey.get("name").asString()).isEqualTo("X-API-Key");
        assertThat(document.path("paths").path("/track/{trackingNumber}").path("get").path("responses")
                .has("429")).as("public tracking is rate-limited").isTrue();
    }

    @Test
    void shouldListTheValuesOfStatusesAndEventTypes() {
        JsonNode schemas = document.get("components").get("schemas");
        List<String> statuses = new ArrayList<>();
        schemas.get("ShipmentStatus").get("enum").forEach(value -> statuses.add(value.asString()));
        assertThat(statuses).containsExactlyElementsOf(Arrays.stream(ShipmentStatus.values())
                .map(ShipmentStatus::wireName).toList());
        assertThat(schemas.get("ShipmentResponse").get("properties").get("status").get("$ref").asString())
                .isEqualTo("#/components/schemas/ShipmentStatus");
        List<String> events = new ArrayList<>();
        schemas.get("WebhookEventType").get("enum").forEach(value -> events.add(value.asString()));
        assertThat(events).contains("shipment.created", "shipment.status.updated", "shipment.delivered",
                "shipment.assigned");
    }

    @Test
    void shouldShowExamplesOfTheMainRequestsAndAnswers() {
        JsonNode schemas = document.get("components").get("schemas");
        for (String schema : List.of("BookingRequest", "ShipmentResponse", "StatusRequest", "LoginRequest",
                "TokenResponse", "RegisterRequest", "WebhookRequest", "CreatedWebhook")) {
            JsonNode properties = schemas.get(schema).get("properties");
            boolean example = false;
            for (String property : properties.propertyNames()) {
                example |= properties.get(property).has("example");
            }
            assertThat(example).as("examples in %s", schema).isTrue();
        }
    }

    private List<String> schemes(String method, String path) {
        List<String> schemes = new ArrayList<>();
        document.get("paths").get(path).get(method).path("security")
                .forEach(requirement -> schemes.addAll(requirement.propertyNames()));
        return schemes;
    }

    private static boolean isPublic(JsonNode operation) {
        return !operation.has("security") || operation.get("security").isEmpty();
    }

    private static Set<Integer> documentedStatuses(JsonNode operation) {
        Set<Integer> statuses = new TreeSet<>();
        operation.get("responses").propertyNames().forEach(code -> statuses.add(Integer.parseInt(code)));
        return statuses;
    }

    private JsonNode operation(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        for (String path : document.get("paths").propertyNames()) {
            if (AuthorizationMatrixIT.normalise(path).equals(parts[1])) {
                JsonNode operation = document.get("paths").get(path).get(parts[0].toLowerCase(Locale.ROOT));
                if (operation != null) {
                    return operation;
                }
            }
        }
        return null;
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        JsonNode paths = document.get("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                check.accept(method.toUpperCase(Locale.ROOT) + " " + path, paths.get(path).get(method));
            }
        }
    }

    private Set<String> mappedEndpoints() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!AuthorizationMatrixIT.isApiController(entry.getValue().getBeanType())) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                entry.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + AuthorizationMatrixIT.normalise(pattern)));
            }
        }
        return mapped;
    }
}
