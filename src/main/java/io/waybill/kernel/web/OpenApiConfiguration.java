package io.waybill.kernel.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.waybill.kernel.ConditionalGet;
import io.waybill.kernel.Idempotent;
import org.springdoc.core.customizers.OperationCustomizer;
import io.waybill.kernel.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs and Swagger UI at /docs. Its Authorize button uses the
 * OAuth2 password flow against /auth/login. Schemas are described in snake_case, as the wire is.
 * Each operation's statuses, media types, refusals and security come from its handler
 * ({@link OperationContract}); OpenApiDocumentIT holds the document to the server's real answers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String SCHEME = "bearer";
    private static final String API_KEY_SCHEME = "apiKey";

    static {
        // The caller is resolved from the credential, not sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI waybillOpenApi() {
        // No scopes: what a token may do follows its account's role.
        OAuthFlow password = new OAuthFlow().tokenUrl("/auth/login").scopes(new Scopes());
        return new OpenAPI()
                .info(new Info().title("Waybill API")
                        .version("v1")
                        .description("Shipment booking, tracking and network administration. Log in with "
                                + "Authorize (OAuth2 password flow: your email as username) or send "
                                + "'Authorization: Bearer <access_token>'. Errors are RFC 9457 problem+json.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("An access token from /auth/login, sent as 'Authorization: Bearer <access_token>'")
                        .flows(new OAuthFlows().password(password)))
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-API-Key")
                                .description("A key an admin issued for a delivery agent (POST /admin/api-keys); "
                                        + "it acts as that agent"))
                        .addSchemas(OperationContract.PROBLEM_SCHEMA, OperationContract.problemSchema()));
    }

    /** Each operation's real statuses, media types, refusals and security (see {@link OperationContract}). */
    @Bean
    OperationContract operationContract() {
        return new OperationContract(SCHEME, API_KEY_SCHEME);
    }

    /** swagger-core reads types with its own (Jackson 2) mapper: tell it the wire naming. */
    @Bean
    ModelConverter snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * The headers the kernel's web conventions add to marked endpoints: {@code Idempotency-Key} on
     * {@link Idempotent} writes, {@code If-None-Match} and the 304 answer on {@link ConditionalGet} reads.
     */
    @Bean
    OperationCustomizer conventionHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(Idempotent.class)) {
                operation.addParametersItem(new HeaderParameter().name(Idempotent.HEADER).required(false)
                        .description("A key of your own (1 to 255 printable ASCII characters, e.g. a UUID) that makes "
                                + "this request safe to retry: the same key with the same request answers the first "
                                + "answer again, with Idempotent-Replayed: true, without doing it twice; with a "
                                + "different request 422; while the first is still in flight 409. Kept 24 hours.")
                        .schema(new StringSchema().maxLength(255)));
            }
            if (handler.hasMethodAnnotation(ConditionalGet.class)) {
                operation.addParametersItem(new HeaderParameter().name("If-None-Match").required(false)
                        .description("The ETag of an answer you have: 304 without a body while it is still current.")
                        .schema(new StringSchema()));
                if (operation.getResponses() != null) {
                    operation.getResponses().addApiResponse("304", new ApiResponse()
                            .description("Not modified: the answer whose ETag was sent is still current."));
                }
            }
            return operation;
        };
    }
}
