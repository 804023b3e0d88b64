package io.waybill.kernel.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.waybill.kernel.NoApiKeys;
import io.waybill.kernel.RequiresScope;
import io.waybill.kernel.Role;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Makes every operation of the OpenAPI document say what the server really does, from what its
 * handler declares, so that an endpoint added anywhere is described the same way without help:
 * <ul>
 * <li>its one success status: {@code @ResponseStatus}, else a 2xx {@code @ApiResponse} on the method
 * (the way to document the status a {@code ResponseEntity} sets, e.g. 201 or 204), else 200; JSON
 * bodies as {@code application/json}, streams as {@code text/event-stream}, none for void;</li>
 * <li>its refusals as {@code application/problem+json} bodies of the shared {@code Problem} schema:
 * 400 when it takes parameters or a body, 401 when it needs a credential, 403 when a role check
 * guards it ({@code @PreAuthorize}), 404 when its path names something, 409 for an authenticated
 * write, 422 for a body; a method adds others (429 where rate-limited, 409 or 403 decided by the
 * service) with {@code @ApiResponse(responseCode = "...")}, whose description is kept;</li>
 * <li>its security: none for a public operation ({@code @SecurityRequirements} with none), else a
 * bearer token, or an API key too when customers or agents may call it (a key acts as its owner)
 * and it is not marked {@link NoApiKeys}; the scope a key needs ({@link RequiresScope}) is added to
 * its description, with 403.</li>
 * </ul>
 */
final class OperationContract implements GlobalOperationCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;
    static final String ANY = "*/*";

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    private static final Set<String> OPERATOR_SESSION_ROUTES = Set.of("/auth/me", "/auth/logout", "/auth/logout-all");

    private static final Map<Integer, String> REFUSALS = Map.of(
            400, "A parameter or the body is malformed or not valid for this operation.",
            401, "No valid credential: the access token (or API key) is missing, invalid, expired or revoked.",
            403, "The caller's role may not do this (a platform operator calls no tenant's routes), or the API key "
                    + "lacks the scope it needs.",
            404, "Nothing of that id, or nothing the caller may see (a customer never learns that someone "
                    + "else's exists).",
            409, "The request conflicts with the current state.",
            422, "The body is not valid: errors lists each field and why.",
            429, "Too many requests: Retry-After says in how many seconds to try again.");

    private final String bearerScheme;
    private final String apiKeyScheme;

    OperationContract(String bearerScheme, String apiKeyScheme) {
        this.bearerScheme = bearerScheme;
        this.apiKeyScheme = apiKeyScheme;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean open = isPublic(method);

        success(responses, method);
        mediaTypes(operation);

        Set<Integer> refusals = new java.util.TreeSet<>();
        boolean body = operation.getRequestBody() != null;
        if (body || takesParametersThatCanBeMalformed(operation)) {
            refusals.add(400);
        }
        if (!open) {
            refusals.add(401);
        }
        RequiresScope scope = AnnotatedElementUtils.findMergedAnnotation(method, RequiresScope.class);
        if (preAuthorize(method) != null || scope != null
                || AnnotatedElementUtils.findMergedAnnotation(method, NoApiKeys.class) != null
                || !open && !operatorMayCall(method)) {
            refusals.add(403);
        }
        if (scope != null) {
            String needs = "API keys need the scope " + scope.value().wireName() + " (403 without it).";
            operation.setDescription(isBlank(operation.getDescription()) ? needs
                    : operation.getDescription() + " " + needs);
        }
        if (mapping(method).stream().anyMatch(path -> path.contains("{"))) {
            refusals.add(404);
        }
        if (!open && Arrays.stream(requestMethods(method)).anyMatch(WRITES::contains)) {
            refusals.add(409);
        }
        if (body) {
            refusals.add(422);
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                refusals.add(Integer.parseInt(code));
            }
        });
        for (int status : refusals) {
            ApiResponse response = responses.computeIfAbsent(Integer.toString(status), code -> new ApiResponse());
            if (isBlank(response.getDescription())) {
                response.setDescription(REFUSALS.getOrDefault(status, HttpStatus.valueOf(status).getReasonPhrase()));
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
            if (status == 429) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds until a request may succeed again").schema(new IntegerSchema()));
            }
        }
        // Sorted by status, as a reader looks for them.
        Map<String, ApiResponse> sorted = new java.util.TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);

        operation.setSecurity(security(method, open));
        operation.setOperationId(operationId(handler, operation));
        return operation;
    }

    /**
     * Stable and unique, whatever else is mapped: the controller's name without "Controller", then the
     * method's ({@code shipmentBook}, {@code hubList}), unless {@code @Operation} names it. springdoc's
     * own ({@code list_3}) would depend on the order it meets the controllers in.
     */
    private static String operationId(HandlerMethod handler, Operation operation) {
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(
                handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (declared != null && !declared.operationId().isBlank()) {
            return operation.getOperationId();
        }
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String method = handler.getMethod().getName();
        return Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /** A query or header parameter, or a path parameter that must parse (a UUID, a number). */
    private static boolean takesParametersThatCanBeMalformed(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        return operation.getParameters().stream().anyMatch(parameter -> !"path".equals(parameter.getIn())
                || parameter.getSchema() == null
                || !"string".equals(parameter.getSchema().getType())
                || parameter.getSchema().getFormat() != null);
    }

    /** Keeps exactly one 2xx response, the real one, with the body springdoc worked out for the method. */
    private static void success(ApiResponses responses, Method method) {
        String code = successCode(method);
        Content content = null;
        String description = null;
        for (Map.Entry<String, ApiResponse> entry : new ArrayList<>(responses.entrySet())) {
            if (!entry.getKey().startsWith("2")) {
                // With refusals declared and no 2xx, springdoc hangs the returned type on those.
                if (content == null && entry.getValue().getContent() != null
                        && !entry.getValue().getContent().containsKey(PROBLEM_JSON)) {
                    content = entry.getValue().getContent();
                }
                continue;
            }
            ApiResponse response = entry.getValue();
            if (response.getContent() != null) {
                content = response.getContent();
            }
            if (entry.getKey().equals(code) && !isBlank(response.getDescription())) {
                description = response.getDescription();
            }
            responses.remove(entry.getKey());
        }
        ApiResponse success = new ApiResponse();
        HttpStatus status = HttpStatus.valueOf(Integer.parseInt(code));
        success.setDescription(description == null || ("OK".equals(description) && status != HttpStatus.OK)
                ? status.getReasonPhrase() : description);
        if (isStream(method)) {
            success.setContent(new Content().addMediaType(EVENT_STREAM, new MediaType().schema(new StringSchema()
                    .description("Server-Sent Events: each has an event name, an id and JSON data"))));
        } else if (hasBody(method) && status != HttpStatus.NO_CONTENT) {
            success.setContent(content);
        }
        if (status == HttpStatus.CREATED) {
            success.addHeaderObject("Location", new Header().description("Where the new resource is")
                    .schema(new StringSchema().format("uri-reference")));
        }
        responses.addApiResponse(code, success);
    }

    static String successCode(Method method) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
        if (declared != null) {
            return Integer.toString(declared.code().value());
        }
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
                        io.swagger.v3.oas.annotations.responses.ApiResponse.class,
                        io.swagger.v3.oas.annotations.responses.ApiResponses.class).stream()
                .map(io.swagger.v3.oas.annotations.responses.ApiResponse::responseCode)
                .filter(responseCode -> responseCode.startsWith("2"))
                .findFirst()
                .orElse("200");
    }

    private static boolean isStream(Method method) {
        return ResponseBodyEmitter.class.isAssignableFrom(method.getReturnType());
    }

    private static boolean hasBody(Method method) {
        ResolvableType type = ResolvableType.forMethodReturnType(method);
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> body = type.toClass();
        return body != void.class && body != Void.class;
    }

    /** JSON is JSON, not {@code *\/*}; a stream is a stream. */
    private static void mediaTypes(Operation operation) {
        operation.getResponses().forEach((code, response) -> {
            if (response.getContent() != null) {
                response.setContent(rename(response.getContent()));
            }
        });
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().setContent(rename(operation.getRequestBody().getContent()));
        }
    }

    /** JSON first, so that a generated client takes it where a form is accepted too (/auth/login). */
    private static Content rename(Content content) {
        Content renamed = new Content();
        MediaType json = content.containsKey(JSON) ? content.get(JSON) : content.get(ANY);
        if (json != null) {
            renamed.addMediaType(JSON, json);
        }
        content.forEach((type, media) -> {
            if (!ANY.equals(type)) {
                renamed.putIfAbsent(type, media);
            }
        });
        return renamed;
    }

    private List<SecurityRequirement> security(Method method, boolean open) {
        if (open) {
            return null;
        }
        List<SecurityRequirement> alternatives = new ArrayList<>();
        alternatives.add(new SecurityRequirement().addList(bearerScheme));
        String roles = preAuthorize(method);
        boolean keysMayCall = roles == null || roles.contains("'" + Role.AGENT.name() + "'")
                || roles.contains("'" + Role.CUSTOMER.name() + "'");
        if (keysMayCall && AnnotatedElementUtils.findMergedAnnotation(method, NoApiKeys.class) == null) {
            alternatives.add(new SecurityRequirement().addList(apiKeyScheme));
        }
        return alternatives;
    }

    /** Public: declared so with an empty {@code @SecurityRequirements}. */
    static boolean isPublic(Method method) {
        SecurityRequirements declared = AnnotatedElementUtils.findMergedAnnotation(method, SecurityRequirements.class);
        return declared != null && declared.value().length == 0;
    }

    private static String preAuthorize(Method method) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        PreAuthorize onClass = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class);
        return onClass == null ? null : onClass.value();
    }

    /**
     * Of the routes that need a credential, a platform operator may call the platform's and its own
     * session's only (security's SecurityConfiguration refuses it the others).
     */
    private static boolean operatorMayCall(Method method) {
        String path = String.join("", mapping(method));
        return path.startsWith("/platform/") || OPERATOR_SESSION_ROUTES.contains(path);
    }

    private static List<String> mapping(Method method) {
        List<String> paths = new ArrayList<>();
        RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(),
                RequestMapping.class);
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (onClass != null) {
            paths.addAll(Arrays.asList(onClass.path()));
        }
        if (onMethod != null) {
            paths.addAll(Arrays.asList(onMethod.path()));
        }
        return paths;
    }

    private static RequestMethod[] requestMethods(Method method) {
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return onMethod == null ? new RequestMethod[0] : onMethod.method();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The problem body of every refusal (RFC 9457), as {@link Problems} writes it. */
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference").example("about:blank")
                .description("A URI naming the kind of problem; about:blank when the status says it all"));
        properties.put("title", new StringSchema().example("Not Found").description("The status's reason phrase"));
        properties.put("status", new IntegerSchema().example(404).description("The HTTP status"));
        properties.put("detail", new StringSchema().example("Shipment not found.")
                .description("What went wrong, for a human"));
        properties.put("instance", new StringSchema().format("uri-reference").example("/shipments/WB1234567890")
                .description("The path that was requested"));
        properties.put("request_id", new StringSchema().example("6f1c2e0a9b3d4c5e")
                .description("The request's id, as in its X-Request-Id header and the server's logs"));
        Map<String, Schema> error = new LinkedHashMap<>();
        error.put("field", new StringSchema().example("destination_address"));
        error.put("message", new StringSchema().example("must not be blank"));
        properties.put("errors", new io.swagger.v3.oas.models.media.ArraySchema()
                .items(new io.swagger.v3.oas.models.media.ObjectSchema().properties(error))
                .description("400 and 422: each field or parameter at fault"));
        Schema<?> problem = new io.swagger.v3.oas.models.media.ObjectSchema()
                .description("An RFC 9457 problem: every 4xx and 5xx answer has this body, as application/problem+json.");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
